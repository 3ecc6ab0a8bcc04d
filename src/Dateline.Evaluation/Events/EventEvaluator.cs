using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;

namespace Dateline.Evaluation.Events;

/// <summary>
/// Event scoring on records of the form <c>{id, text, date, expected:[{source, target, code, code_plover2?}], suite}</c>.
/// A predicted event matches a gold one (one-to-one, greedy) when the PLOVER type matches and the first three letters of
/// the source and target codes match, a side the gold record leaves empty not being checked: the "country" (lenient)
/// score, as the held-out bars are scored. The "strict" score compares the whole actor codes, empty sides included. Only events that count (not negated; actual or intended) are
/// scored, and identical predictions (same type, source and target) within a record count once.
/// Gold PLOVER names from older drafts are mapped to current ones (DEMAND → REQUEST, DISAPPROVE and INVESTIGATE →
/// ACCUSE, FIGHT → ASSAULT), as the records' own <c>code_plover2</c> field does. For records coded with CAMEO numbers
/// the root (first two digits) of the best-matching prediction is compared too.
/// </summary>
public static class EventEvaluator
{
    private static readonly FrozenDictionary<string, string> LegacyPlover = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DEMAND"] = "REQUEST",
        ["DISAPPROVE"] = "ACCUSE",
        ["INVESTIGATE"] = "ACCUSE",
        ["FIGHT"] = "ASSAULT",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public sealed record Score(int Gold, int Predicted, int Matched)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public sealed record Report(string Suite, int Records, Score Country, Score Strict, int CameoRecords, int CameoRootCorrect, int CameoExactCorrect, double SentencesPerSecond)
    {
        public double RootAccuracy => CameoRecords == 0 ? 0 : (double)CameoRootCorrect / CameoRecords;

        /// <summary>
        /// Records that pass: every expected event is produced with its exact code and full source and target codes (the
        /// strict match), and nothing else is (a record expecting no event passes when none is predicted).
        /// </summary>
        public int Passed { get; init; }
    }

    public sealed record GoldEvent(string Source, string Target, string Code);

    public sealed record Record(string Id, string Text, DateOnly? Date, string Suite, IReadOnlyList<GoldEvent> Expected)
    {
        /// <summary>The story a record belongs to (its <c>url</c>, else its id): folds never split a story.</summary>
        public string Group { get; init; } = Id;
    }

    /// <summary>
    /// Fold <paramref name="fold"/> (1-based) of <paramref name="folds"/>: records whose story is the fold-th, (fold+K)-th, …
    /// story in file order, so every story lands in exactly one fold and folds mix the file's categories.
    /// </summary>
    public static IEnumerable<Record> Fold(IEnumerable<Record> records, int fold, int folds)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (!order.TryGetValue(r.Group, out var index))
            {
                index = order.Count;
                order[r.Group] = index;
            }

            if (index % folds == fold - 1)
            {
                yield return r;
            }
        }
    }

    public sealed record Predicted(string Source, string Target, string Type, string Cameo);

    public static IEnumerable<Record> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            var expected = new List<GoldEvent>();
            foreach (var e in r.GetProperty("expected").EnumerateArray())
            {
                var code = e.TryGetProperty("code_plover2", out var p2) && p2.GetString() is { Length: > 0 } c2 ? c2 : e.GetProperty("code").GetString() ?? string.Empty;
                expected.Add(new GoldEvent(e.GetProperty("source").GetString() ?? string.Empty, e.GetProperty("target").GetString() ?? string.Empty, code));
            }

            DateOnly? date = r.TryGetProperty("date", out var d) && DateOnly.TryParse(d.GetString(), CultureInfo.InvariantCulture, out var dd) ? dd : null;
            var id = r.GetProperty("id").GetString()!;
            yield return new Record(id, r.GetProperty("text").GetString()!, date, r.GetProperty("suite").GetString()!, expected)
            {
                Group = r.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 } u ? u : id,
            };
        }
    }

    /// <summary>Scores <paramref name="pipeline"/> (which must produce <see cref="Layers.Events"/>) on the records of <paramref name="suite"/>.</summary>
    /// <param name="details">When set, receives one line per record with a miss or a spurious prediction.</param>
    /// <param name="fold">Only this fold (1-based) of <c>K</c> story-level folds, e.g. (1, 2) for the first half.</param>
    public static Report Run(Pipeline pipeline, string path, string suite, TextWriter? details = null, (int Fold, int Folds)? fold = null,
        CancellationToken cancellationToken = default)
    {
        var selected = Read(path).Where(r => r.Suite == suite);
        if (fold is { } f)
        {
            selected = Fold(selected, f.Fold, f.Folds);
        }

        int records = 0, passed = 0, gold = 0, pred = 0, matched = 0, strictMatched = 0, cameoRecords = 0, rootCorrect = 0, exactCorrect = 0;
        var clock = new Stopwatch();
        foreach (var (record, predicted) in Analyse(pipeline, selected, clock, cancellationToken))
        {
            records++;
            var goldTypes = record.Expected.Select(g => g with { Code = Normalize(g.Code) }).ToList();
            var isCameo = goldTypes.Count > 0 && goldTypes.All(g => g.Code.Length > 0 && char.IsDigit(g.Code[0]));
            gold += goldTypes.Count;
            pred += predicted.Count;
            var m = Match(goldTypes, predicted, strict: false, isCameo);
            var ms = Match(goldTypes, predicted, strict: true, isCameo);
            matched += m;
            strictMatched += ms;
            passed += ms == goldTypes.Count && predicted.Count == goldTypes.Count ? 1 : 0;
            if (isCameo)
            {
                cameoRecords += goldTypes.Count;
                foreach (var g in goldTypes)
                {
                    rootCorrect += predicted.Any(p => p.Cameo.Length >= 2 && g.Code.Length >= 2 && p.Cameo[..2] == g.Code[..2]) ? 1 : 0;
                    exactCorrect += predicted.Any(p => p.Cameo == g.Code) ? 1 : 0;
                }
            }

            if (details is not null && (m < goldTypes.Count || m < predicted.Count))
            {
                details.WriteLine($"{record.Id}\t{record.Text}");
                details.WriteLine($"  gold: {string.Join("; ", goldTypes.Select(g => $"{g.Source}>{g.Target}:{g.Code}"))}");
                details.WriteLine($"  pred: {string.Join("; ", predicted.Select(p => $"{p.Source}>{p.Target}:{p.Type}({p.Cameo})"))}");
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new Report(suite, records, new Score(gold, pred, matched), new Score(gold, pred, strictMatched), cameoRecords, rootCorrect, exactCorrect,
            seconds > 0 ? records / seconds : 0)
        { Passed = passed };
    }

    /// <summary>
    /// Runs the pipeline and yields each record with its predictions. Consecutive records of one story (the same
    /// <c>url</c>) are analysed together as one document, as Dateline analyses an article, so a pronoun or a continued
    /// quote can find its actor in an earlier sentence; each record is scored on the events whose trigger lies in its
    /// own sentence. Records without a story are analysed alone.
    /// </summary>
    private static IEnumerable<(Record Record, List<Predicted> Predicted)> Analyse(Pipeline pipeline, IEnumerable<Record> records, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var story = new List<Record>();
        foreach (var record in records)
        {
            if (story.Count > 0 && (record.Group == record.Id || record.Group != story[0].Group))
            {
                foreach (var scored in AnalyseStory(pipeline, story, clock, cancellationToken))
                {
                    yield return scored;
                }

                story.Clear();
            }

            story.Add(record);
        }

        foreach (var scored in AnalyseStory(pipeline, story, clock, cancellationToken))
        {
            yield return scored;
        }
    }

    private static List<(Record, List<Predicted>)> AnalyseStory(Pipeline pipeline, List<Record> story, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (story.Count == 0)
        {
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var text = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        foreach (var r in story)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            spans.Add(new TextSpan(text.Length, text.Length + r.Text.Length));
            text.Append(r.Text);
        }

        var doc = Document.FromText(story[0].Id, text.ToString());
        if (story[0].Date is { } date)
        {
            doc.Set(Layers.DocumentDate, date);
        }

        clock.Start();
        pipeline.Run(doc, cancellationToken);
        clock.Stop();
        var result = new List<(Record, List<Predicted>)>();
        for (var i = 0; i < story.Count; i++)
        {
            var span = spans[i];
            result.Add((story[i], Predictions(doc, e => span.Start <= e.Trigger.Start && e.Trigger.Start < span.End)));
        }

        return result;
    }

    public static List<Predicted> Predictions(Document doc) => Predictions(doc, _ => true);

    private static List<Predicted> Predictions(Document doc, Func<EventMention, bool> include)
    {
        var list = new List<Predicted>();
        if (!doc.Has(Layers.Events))
        {
            return list;
        }

        foreach (var e in doc.Get(Layers.Events).Where(e => e.Counts && include(e)))
        {
            var p = new Predicted(e.Source.Code, e.Target?.Code ?? string.Empty, e.Plover, e.Cameo);
            if (!list.Any(x => x.Type == p.Type && x.Source == p.Source && x.Target == p.Target))
            {
                list.Add(p);
            }
        }

        return list;
    }

    public static string Normalize(string code) => LegacyPlover.GetValueOrDefault(code, code);

    /// <summary>One-to-one greedy matches between gold and predicted events.</summary>
    public static int Match(IReadOnlyList<GoldEvent> gold, IReadOnlyList<Predicted> predicted, bool strict, bool cameo)
    {
        var used = new bool[predicted.Count];
        var matched = 0;
        foreach (var g in gold)
        {
            for (var i = 0; i < predicted.Count; i++)
            {
                var p = predicted[i];
                var type = cameo ? p.Cameo == g.Code : p.Type == g.Code;
                if (!used[i] && type && Same(g.Source, p.Source, strict) && Same(g.Target, p.Target, strict))
                {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }

        return matched;
    }

    private static bool Same(string gold, string predicted, bool strict) => strict
        ? string.Equals(gold, predicted, StringComparison.Ordinal)
        : gold.Length == 0 || string.Equals(gold.Length > 3 ? gold[..3] : gold, predicted.Length > 3 ? predicted[..3] : predicted, StringComparison.Ordinal);
}
