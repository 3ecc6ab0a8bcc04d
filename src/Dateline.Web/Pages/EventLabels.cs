using System.Globalization;
using Dateline.Nlp.Events;

namespace Dateline.Web.Pages;

/// <summary>How events read on the pages: "JPNGOV → KORGOV · 036 express intent to meet or negotiate (CONSULT)".</summary>
internal static class EventLabels
{
    public static string Label(string source, string? target, string cameo, string? plover) =>
        $"{Side(source)} → {Side(target)} · {Act(cameo, plover)}";

    /// <summary>"036 express intent to meet or negotiate (CONSULT)": the CAMEO code, its name and the PLOVER type.</summary>
    public static string Act(string cameo, string? plover)
    {
        var name = EventLexicon.Default.Code(cameo)?.Name;
        var text = name is { Length: > 0 } ? cameo + " " + char.ToLowerInvariant(name[0]) + name[1..] : cameo;
        return plover is { Length: > 0 } ? text + " (" + plover + ")" : text;
    }

    public static string Side(string? code) => string.IsNullOrEmpty(code) ? "—" : code;

    public static string Quad(int quadClass) => quadClass switch
    {
        1 => "verbal cooperation",
        2 => "material cooperation",
        3 => "verbal conflict",
        4 => "material conflict",
        _ => "neutral",
    };

    public static string Goldstein(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>Modality and negation when they are not the plain case ("intended", "negated").</summary>
    public static string? Flags(string? modality, bool negated)
    {
        var parts = new List<string>(2);
        if (modality is { Length: > 0 } m && m != "actual")
        {
            parts.Add(m);
        }

        if (negated)
        {
            parts.Add("negated");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
