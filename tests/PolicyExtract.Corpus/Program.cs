using System.Globalization;
using PolicyExtract.Corpus;

// corpus <out folder> <count> <seed> <templates…>: writes a generated corpus for the scale benchmarks. Templates are
// policy files, or folders whose NNN_name.txt files are policies (as in seeds/ and tests/…/Specs/Genre/).
if (args.Length < 4 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var seed))
{
    Console.Error.WriteLine("usage: corpus <out folder> <count> <seed> <template files or folders…>");
    return 2;
}

var templates = args[3..].SelectMany(t => Directory.Exists(t) ? Directory.GetFiles(t, "*_*.txt") : [t]).ToList();
var bytes = new CorpusGenerator(templates).WriteTo(args[0], count, seed);
Console.Error.WriteLine($"{count} documents from {templates.Count} templates, {bytes / 1e6:0.0} MB, in {args[0]}");
return 0;
