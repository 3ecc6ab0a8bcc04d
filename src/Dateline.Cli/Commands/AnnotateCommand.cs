using System.CommandLine;
using System.Text;
using System.Text.Json;
using Dateline.Core.Documents;
using Dateline.Core.Serialization;
using Dateline.Nlp;
using Dateline.Nlp.Entities;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline annotate [FILE|-] --input-format text|jsonl|conll|conllu --output-format json|jsonl|conll|conllu [--tagset conll]</c>:
/// runs the understanding pipeline on text and prints its layers with UTF-16 offsets into the input text; CoNLL-U in
/// keeps its tokenisation and gets lemmas, tags and dependencies.
/// </summary>
internal static class AnnotateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Input file, or - for standard input", DefaultValueFactory = _ => "-" };
        var input = new Option<string>("--input-format") { Description = "text, jsonl ({id, text, date?} per line), conll (token per line) or conllu (Universal Dependencies; its words are the tokens)", DefaultValueFactory = _ => "text" };
        input.AcceptOnlyFromAmong("text", "jsonl", "conll", "conllu");
        var output = new Option<string?>("--output-format") { Description = "json, jsonl, conll (entity tags) or conllu (lemmas, tags, dependencies); default: the input's CoNLL format, else json" };
        output.AcceptOnlyFromAmong("json", "jsonl", "conll", "conllu");
        var tagset = new Option<string>("--tagset") { Description = "dateline (PERSON, ORG, GPE, LOC, NORP, MISC…) or conll (PER, ORG, LOC, MISC)", DefaultValueFactory = _ => "dateline" };
        tagset.AcceptOnlyFromAmong("dateline", "conll");
        var actors = new Option<string?>("--actors") { Description = "Tab-separated file of actors to add or override (name, aliases, type, code, country, role)" };
        var date = new Option<string?>("--date") { Description = "Publication date YYYY-MM-DD of text input; relative dates (\"on Wednesday\") resolve against it" };
        var limit = new Option<int>("--analysis-limit")
        {
            Description = "Analyse at most this many characters of each document (whole paragraphs; a longer one is cut with a warning on stderr "
                + "and its JSON says analysed_characters); bounds the time and memory one huge document takes",
            DefaultValueFactory = _ => Dateline.Ingestion.Analysis.ArticleAnalysis.DefaultMaxCharacters,
        };
        var command = new Command("annotate", "Annotate text: sentences, syntax, entities, times, actors, quotes, events") { file, input, output, tagset, actors, date, limit };
        var dictionaries = new DictionaryOptions();
        dictionaries.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (result.GetValue(input) == "conllu")
            {
                if (result.GetValue(output) is { } requested && requested != "conllu")
                {
                    throw new UsageException($"--input-format conllu gives --output-format conllu only, not {requested}");
                }

                using var reader = path == "-" ? null : new StreamReader(path);
                return await AnnotateConllu.RunAsync(reader ?? Console.In, path == "-" ? "stdin" : path, Console.Out, ct);
            }

            var maxCharacters = result.GetValue(limit) is > 0 and var n
                ? n
                : throw new UsageException($"--analysis-limit must be a positive number of characters, not {result.GetValue(limit)}");
            var text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
            var inFormat = result.GetValue(input)!;
            var outFormat = result.GetValue(output) ?? (inFormat == "conll" ? "conll" : "json");
            var conllTags = result.GetValue(tagset) == "conll";
            var pipeline = NlpPipelines.Default(actors: result.GetValue(actors) is { } actorFile ? LoadActors(actorFile) : null,
                dictionaries: dictionaries.Load(result));
            if (inFormat == "conll")
            {
                if (outFormat == "conllu")
                {
                    throw new UsageException("--input-format conll gives entity tags (--output-format conll); use conllu input for dependencies");
                }

                WriteConll(text, conllTags || outFormat == "conll");
                return ExitCodes.Success;
            }

            IEnumerable<AnnotateInput> docs = inFormat == "jsonl"
                ? AnnotateInput.ReadJsonl(text)
                : [new AnnotateInput(1, "doc-1", text, ParseDate(result.GetValue(date), "--date"), null)];
            var source = path == "-" ? "stdin" : path;
            var array = outFormat == "json" && inFormat != "text";
            var (written, skipped) = (0, 0);
            if (array)
            {
                await Console.Out.WriteAsync("[\n");
            }

            // Each document is written as soon as it is done; a bad input line is reported and skipped, as ingest does.
            foreach (var input in docs)
            {
                if (input.Problem is { } problem)
                {
                    skipped++;
                    await Console.Error.WriteLineAsync($"{source} [line {input.Line}]: {problem}");
                    continue;
                }

                var doc = Document.FromText(input.Id, input.Text, maxCharacters);
                if (doc.Has(Layers.FullTextLength))
                {
                    await Console.Error.WriteLineAsync($"{source} [line {input.Line}]: "
                        + Dateline.Ingestion.Analysis.ArticleAnalysis.LimitWarning(doc.Text.Length, doc.Get(Layers.FullTextLength)));
                }

                if (input.Date is { } day)
                {
                    doc.Set(Layers.DocumentDate, day);
                }

                pipeline.Run(doc, ct);
                if (outFormat == "jsonl")
                {
                    await Console.Out.WriteLineAsync(DocumentJson.Serialize(doc, conllTags));
                }
                else if (outFormat == "conllu")
                {
                    AnnotateConllu.WriteDocument(Console.Out, doc);
                }
                else if (outFormat == "conll")
                {
                    await Console.Out.WriteAsync(ToConll(doc, conllTags));
                }
                else
                {
                    await Console.Out.WriteAsync((written > 0 ? ",\n" : "") + DocumentJson.Serialize(doc, conllTags, indented: true) + (array ? "" : "\n"));
                }

                written++;
                await Console.Out.FlushAsync(ct);
            }

            if (array)
            {
                await Console.Out.WriteLineAsync("\n]");
            }

            if (skipped > 0)
            {
                return ExitCodes.PartialSuccess;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static DateOnly? ParseDate(string? value, string where) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"{where}: '{value}' is not a date YYYY-MM-DD");

    /// <summary>TOKEN TAG lines in BIO, a blank line after each sentence.</summary>
    private static string ToConll(Document doc, bool conllTags)
    {
        var sb = new StringBuilder();
        var entities = doc.Get(Layers.Entities);
        foreach (var sentence in PerceptronEntityRecognizer_SentenceTokens(doc))
        {
            foreach (var t in sentence)
            {
                var e = entities.FirstOrDefault(x => x.Span.Start <= t.Start && t.End <= x.Span.End);
                var tag = e is null ? "O" : (e.Span.Start == t.Start ? "B-" : "I-") + (conllTags ? EntityLabels.ToConll(e.Label) : e.Label);
                sb.Append(doc.Text, t.Start, t.Length).Append(' ').Append(tag).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static IEnumerable<TextSpan[]> PerceptronEntityRecognizer_SentenceTokens(Document doc)
    {
        var tokens = doc.Get(Layers.Tokens);
        foreach (var s in doc.Get(Layers.Sentences))
        {
            yield return [.. tokens.Where(t => t.Start >= s.Start && t.End <= s.End)];
        }
    }

    /// <summary>CoNLL in, CoNLL out: the given tokenization is kept; -DOCSTART- lines pass through.</summary>
    private static void WriteConll(string text, bool conllTags)
    {
        var model = NerModels.Default;
        var typer = ConllEntityTyper.Plain;
        var document = new List<List<string>>();
        var current = new List<string>();
        var output = new StringBuilder();

        void FlushDocument()
        {
            if (current.Count > 0)
            {
                document.Add(current);
                current = [];
            }

            if (document.Count == 0)
            {
                return;
            }

            var words = document.Select(s => s.ToArray()).ToList();
            var tags = model.TagDocument(words);
            for (var s = 0; s < words.Count; s++)
            {
                var labels = Relabel(tags[s], words[s], conllTags, typer);
                for (var i = 0; i < words[s].Length; i++)
                {
                    output.Append(words[s][i]).Append(' ').Append(labels[i]).Append('\n');
                }

                output.Append('\n');
            }

            document.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                FlushDocument();
                output.Append(line).Append("\n\n");
                continue;
            }

            if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    document.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(line.Split(' ', '\t')[0]);
        }

        FlushDocument();
        Console.Out.Write(output.ToString());
    }

    private static string[] Relabel(string[] tags, string[] words, bool conllTags, ConllEntityTyper typer)
    {
        if (conllTags)
        {
            return tags;
        }

        var result = (string[])tags.Clone();
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] == "O" || !tags[i].StartsWith("B-", StringComparison.Ordinal))
            {
                continue;
            }

            var type = tags[i][2..];
            var j = i + 1;
            while (j < tags.Length && tags[j] == "I-" + type)
            {
                j++;
            }

            var label = typer.Label(type, string.Join(' ', words[i..j]));
            for (var k = i; k < j; k++)
            {
                result[k] = (k == i ? "B-" : "I-") + label;
            }
        }

        return result;
    }

    internal static Dateline.Nlp.Actors.ActorOverrides LoadActors(string path)
    {
        try
        {
            return Dateline.Nlp.Actors.ActorOverrides.Load(path);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot use the actors file: {ex.Message}");
        }
    }
}
