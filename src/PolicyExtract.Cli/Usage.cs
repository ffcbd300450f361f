using System.CommandLine;
using System.CommandLine.Parsing;

namespace PolicyExtract.Cli;

/// <summary>
/// One convention for mistakes on the command line, in every command: each error on its own line
/// (<c>extract: error …</c>), then where to look (<c>usage: see 'policyextract extract --help'</c>), exit 2; never the
/// whole help text, never a stack trace. Exit 2 is usage in every command, so scripts can tell a typo from a failed
/// input (1) or a broken grammar (3).
/// </summary>
internal static class Usage
{
    public const int Exit = 2;

    /// <summary>Reports the parse's errors and returns <see cref="Exit"/>, or null when the command line is well formed.</summary>
    public static int? Report(ParseResult parse)
    {
        if (parse.Errors.Count == 0)
        {
            return null;
        }

        var name = parse.CommandResult.Command is RootCommand ? "policyextract" : parse.CommandResult.Command.Name;
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"{name}: error {error.Message}");
        }

        Console.Error.WriteLine(parse.CommandResult.Command is RootCommand
            ? "usage: see 'policyextract --help'"
            : $"usage: see 'policyextract {name} --help'");
        return Exit;
    }

    /// <summary>
    /// Paths are free text, so <c>--bogus</c> or a mistyped <c>--job 2</c> would be taken for inputs and fail as
    /// missing files. A path that starts with '-' and names nothing is taken for the option it looks like (write
    /// <c>./-name</c> for a file that really starts with a dash).
    /// </summary>
    public static void RejectUnknownOptions(Command command, Argument<string[]> paths) =>
        command.Validators.Add(result => Check(command, result, result.GetValue(paths) ?? []));

    /// <inheritdoc cref="RejectUnknownOptions(Command, Argument{string[]})"/>
    public static void RejectUnknownOptions(Command command, params Argument<string>[] paths) =>
        command.Validators.Add(result => Check(command, result, paths.Select(p => result.GetValue(p)).OfType<string>()));

    private static void Check(Command command, CommandResult result, IEnumerable<string> values)
    {
        if (values.Any(string.IsNullOrWhiteSpace))
        {
            result.AddError("An empty string is not a path: name a file or a folder.");
        }

        foreach (var value in values.Where(v => v.StartsWith('-') && v.Length > 1 && !File.Exists(v) && !Directory.Exists(v)))
        {
            var name = value.Split('=')[0];
            var closest = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
                .Where(o => o.StartsWith('-') && o != "-?" && o != "-h")
                .OrderBy(o => Distance(o, name))
                .ThenBy(o => o, StringComparer.Ordinal)
                .FirstOrDefault(o => Distance(o, name) <= 2 || o.StartsWith(name, StringComparison.Ordinal));
            result.AddError(closest is null
                ? $"Unrecognized option '{name}'."
                : $"Unrecognized option '{name}'. Did you mean '{closest}'?");
        }
    }

    /// <summary>
    /// A path option given as an empty string (<c>--out ""</c>, a variable that was never set) is a usage error, not a
    /// path to resolve.
    /// </summary>
    public static void RequireNonEmpty(params Option[] options)
    {
        foreach (var option in options)
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
                {
                    result.AddError($"Option '{option.Name}' needs a path, not an empty string.");
                }
            });
        }
    }

    /// <summary>A count option (<c>--jobs</c>) parsed by hand, so a word where a number belongs is a usage error, not a crash.</summary>
    public static Option<int> Count(string name, string alias, int fallback, string description) => new(name, alias)
    {
        DefaultValueFactory = _ => fallback,
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens is [{ Value: var value }] ? value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1)
            {
                return count;
            }

            result.AddError($"Option '{name}' takes a whole number of at least 1, not '{text}'.");
            return fallback;
        },
    };

    /// <summary>Edit distance, for suggesting the option a typo meant.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
