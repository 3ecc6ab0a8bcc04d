namespace Dateline.Core.Serialization;

/// <summary>RFC 4180 CSV fields for every export (articles, events): quoted when they need to be, spreadsheet-safe.</summary>
public static class Csv
{
    public static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // A leading =, +, - or @ makes spreadsheets evaluate the cell; prefix a quote so text stays text. A plain number
        // ("-5.0", a Goldstein score) is left as it is: it is data, not a formula.
        var number = double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        var v = !number && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return v.AsSpan().IndexOfAny(",\"\r\n") >= 0 || v != v.Trim() ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
