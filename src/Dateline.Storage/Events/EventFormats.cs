using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dateline.Storage.Events;

/// <summary>
/// Streaming writers for stored events: CSV (with a header), GDELT 2.0 event rows (tab-separated, no header, the 61
/// columns of the GDELT 2.0 event table with the ones Dateline cannot fill left empty), and PLOVER JSON Lines.
/// </summary>
public static class EventFormats
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly string[] CsvColumns =
    [
        "id", "date", "source_code", "source_text", "target_code", "target_text", "cameo", "plover", "mode", "plover_act", "quad_class",
        "goldstein", "negated", "modality", "articles", "first_article", "evidence", "rule", "confidence",
    ];

    public static string CsvHeader => string.Join(',', CsvColumns);

    /// <summary>
    /// How many different articles report the event. <see cref="StoredEvent.Reports"/> has one entry per reporting
    /// sentence (an article can state an event three times), so its length is the number of mentions, not of articles.
    /// </summary>
    public static int Articles(StoredEvent e) => Math.Max(e.ReportCount, e.Reports.Select(r => r.ArticleId).Distinct(StringComparer.Ordinal).Count());

    public static string Csv(StoredEvent e) => Dateline.Core.Serialization.Csv.Row(new[]
    {
        e.Id.ToString(CultureInfo.InvariantCulture), e.Date ?? string.Empty, e.SourceCode, e.SourceText, e.TargetCode, e.TargetText ?? string.Empty,
        e.Cameo, e.Plover, e.Mode ?? string.Empty, e.PloverAct, e.QuadClass.ToString(CultureInfo.InvariantCulture),
        e.Goldstein.ToString(CultureInfo.InvariantCulture), e.Negated ? "true" : "false", e.Modality, Articles(e).ToString(CultureInfo.InvariantCulture),
        e.Reports.Count > 0 ? e.Reports[0].ArticleId : string.Empty, e.Evidence, e.Rule, e.Confidence.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>One GDELT 2.0 event row. <paramref name="added"/> is DATEADDED (the export time).</summary>
    public static string Gdelt(StoredEvent e, DateTimeOffset added)
    {
        var day = e.Date is { Length: >= 10 } d ? d.Replace("-", string.Empty, StringComparison.Ordinal) : string.Empty;
        var cols = new List<string>(61)
        {
            e.Id.ToString(CultureInfo.InvariantCulture),
            day,
            day.Length >= 6 ? day[..6] : string.Empty,
            day.Length >= 4 ? day[..4] : string.Empty,
            FractionDate(e.Date),
        };
        AddActor(cols, e.SourceCode, e.SourceText);
        AddActor(cols, e.TargetCode, e.TargetText);
        var sources = e.Reports.Select(r => r.Source ?? r.Url ?? r.ArticleId).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        cols.AddRange(
        [
            "1",
            e.Cameo,
            e.Cameo.Length >= 3 ? e.Cameo[..3] : e.Cameo,
            e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo,
            e.QuadClass.ToString(CultureInfo.InvariantCulture),
            e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture),
            e.Reports.Count.ToString(CultureInfo.InvariantCulture),
            sources.ToString(CultureInfo.InvariantCulture),
            Articles(e).ToString(CultureInfo.InvariantCulture),
            string.Empty, // AvgTone: Dateline does not score tone
        ]);
        for (var geo = 0; geo < 3; geo++)
        {
            cols.AddRange(Enumerable.Repeat(string.Empty, 8)); // Actor1Geo_*, Actor2Geo_*, ActionGeo_*: no geocoder yet
        }

        cols.Add(added.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        cols.Add(e.Reports.FirstOrDefault(r => r.Url is not null)?.Url ?? string.Empty);
        return string.Join('\t', cols.Select(c => c.Replace('\t', ' ').Replace('\n', ' ')));
    }

    /// <summary>One PLOVER-style JSON object (one line).</summary>
    public static string Plover(StoredEvent e)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Key);
            w.WriteString("date", e.Date);
            w.WriteString("event_type", e.Plover);
            w.WriteString("event_act", e.PloverAct);
            w.WriteString("mode", e.Mode);
            w.WriteString("actor", e.SourceCode);
            w.WriteString("actor_text", e.SourceText);
            w.WriteString("recipient", e.TargetCode);
            w.WriteString("recipient_text", e.TargetText);
            w.WriteString("cameo", e.Cameo);
            w.WriteNumber("quad_class", e.QuadClass);
            w.WriteNumber("goldstein", e.Goldstein);
            w.WriteString("modality", e.Modality);
            w.WriteBoolean("negated", e.Negated);
            w.WriteString("evidence", e.Evidence);
            w.WriteString("rule", e.Rule);
            w.WriteNumber("confidence", e.Confidence);
            w.WriteStartArray("articles");
            foreach (var r in e.Reports)
            {
                w.WriteStartObject();
                w.WriteString("id", r.ArticleId);
                w.WriteString("url", r.Url);
                w.WriteString("source", r.Source);
                w.WriteString("title", r.Title);
                w.WriteNumber("evidence_start", r.Evidence.Start);
                w.WriteNumber("evidence_end", r.Evidence.End);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void AddActor(List<string> cols, string code, string? text)
    {
        // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code
        var country = code.Length >= 3 && !code.StartsWith("IGO", StringComparison.Ordinal) && !code.StartsWith("NGO", StringComparison.Ordinal) ? code[..3] : string.Empty;
        var types = country.Length == 3 ? code[3..] : string.Empty;
        cols.Add(code);
        cols.Add((text ?? string.Empty).ToUpperInvariant());
        cols.Add(country);
        cols.Add(country.Length == 0 && code.Length >= 3 ? code : string.Empty);
        cols.Add(string.Empty);
        cols.Add(string.Empty);
        cols.Add(string.Empty);
        for (var i = 0; i < 3; i++)
        {
            cols.Add(types.Length >= (i + 1) * 3 ? types.Substring(i * 3, 3) : string.Empty);
        }
    }

    private static string FractionDate(string? date)
    {
        if (date is null || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return string.Empty;
        }

        var days = DateTime.IsLeapYear(d.Year) ? 366.0 : 365.0;
        return (d.Year + ((d.DayOfYear - 1) / days)).ToString("0.0000", CultureInfo.InvariantCulture);
    }
}
