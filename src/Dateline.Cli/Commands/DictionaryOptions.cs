using System.CommandLine;
using Dateline.Nlp.Events.Petrarch;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>--dictionaries PATH</c> (PETRARCH dictionaries in place of the defaults), <c>--add-dictionaries PATH</c> (beside
/// them) and <c>--dictionary-set PREFIX[,PREFIX]</c> (only files in the folders whose names start so), shared by
/// annotate, ingest, follow, reanalyze and eval events. A PATH is a folder or a file; both options repeat.
/// </summary>
internal sealed class DictionaryOptions
{
    private readonly Option<string[]> _replace = new("--dictionaries")
    {
        Description = "PETRARCH-2 dictionaries (folder or file; repeatable) used in place of the default verbs, agents and actors",
    };

    private readonly Option<string[]> _add = new("--add-dictionaries")
    {
        Description = "PETRARCH-2 dictionaries (folder or file; repeatable) used beside the defaults",
    };

    private readonly Option<string?> _set = new("--dictionary-set")
    {
        Description = "Only dictionary files whose names start with one of these comma-separated prefixes (e.g. PETR.Validate)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_replace);
        command.Options.Add(_add);
        command.Options.Add(_set);
    }

    /// <summary>The dictionaries the options name, or null; what was loaded and every skipped line go to stderr.</summary>
    public EventDictionaries? Load(ParseResult result)
    {
        var replace = result.GetValue(_replace) ?? [];
        var add = result.GetValue(_add) ?? [];
        if (replace.Length > 0 && add.Length > 0)
        {
            throw new UsageException("use --dictionaries (in place of the defaults) or --add-dictionaries (beside them), not both");
        }

        if (replace.Length == 0 && add.Length == 0)
        {
            return result.GetValue(_set) is null ? null : throw new UsageException("--dictionary-set needs --dictionaries or --add-dictionaries");
        }

        var prefixes = (result.GetValue(_set) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        PetrarchDictionaries loaded;
        try
        {
            loaded = PetrarchDictionaries.Load(replace.Length > 0 ? replace : add, prefixes);
        }
        catch (DictionaryLoadException ex)
        {
            throw new UsageException(ex.Message);
        }

        var dictionaries = EventDictionaries.Create(loaded, replaceDefaults: replace.Length > 0);
        Console.Error.WriteLine($"dictionaries ({(replace.Length > 0 ? "in place of the defaults" : "beside the defaults")}): {loaded.Summary()}");
        foreach (var problem in dictionaries.Problems.Take(20))
        {
            Console.Error.WriteLine($"  skipped {problem}");
        }

        if (dictionaries.Problems.Count > 20)
        {
            Console.Error.WriteLine($"  … and {dictionaries.Problems.Count - 20} more skipped lines");
        }

        return dictionaries;
    }
}
