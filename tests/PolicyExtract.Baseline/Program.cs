using PolicyExtract.Baseline;

// icu-pass <folder>: the whole-process baseline of scale.sh, one single-threaded ICU word-break pass over the corpus.
if (args is [var folder])
{
    return IcuPass.Run(folder);
}

Console.Error.WriteLine("usage: icu-pass <folder>");
return 2;
