using System.Globalization;
using System.Text.RegularExpressions;

namespace Dateline.Cli.Commands;

/// <summary>Sizes given on the command line: a number with an optional unit (B, K/KiB, M/MiB, G/GiB; KB, MB and GB are read as powers of 1,024 too).</summary>
internal static partial class ByteSize
{
    public static long Parse(string text, string option)
    {
        var m = SizePattern().Match(text.Trim());
        if (!m.Success)
        {
            throw new UsageException($"{option} '{text}' is not a size; write a number with an optional unit, e.g. 512MiB or 2GiB");
        }

        var number = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = m.Groups[2].Value.ToUpperInvariant();
        var factor = unit.Length == 0 || unit == "B" ? 1L : unit[0] switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            _ => 1L << 30,
        };
        var bytes = number * factor;
        return bytes is >= 1 and <= long.MaxValue
            ? (long)bytes
            : throw new UsageException($"{option} '{text}' is out of range");
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*((?:[KMG](?:i?B)?)|B)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
