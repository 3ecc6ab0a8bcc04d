using Xunit.Sdk;

namespace Dateline.Testing.Specs;

/// <summary>
/// One <c>```example</c> block of a Markdown spec file: an optional document date, the input text and the expected
/// rendering (the input with <c>[LABEL value text]</c> annotations, see <see cref="AnnotationRenderer"/>).
/// Serializable, so each example is its own test case.
/// </summary>
public sealed class SpecExample : IXunitSerializable
{
    public SpecExample()
    {
    }

    public SpecExample(string file, int line, string title, DateOnly? date, string input, string expected)
    {
        File = file;
        Line = line;
        Title = title;
        Date = date;
        Input = input;
        Expected = expected;
    }

    /// <summary>The spec file's name, e.g. "Times.md".</summary>
    public string File { get; private set; } = string.Empty;

    /// <summary>1-based line of the opening fence.</summary>
    public int Line { get; private set; }

    /// <summary>The nearest heading above the example.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>The document date from a <c>date: YYYY-MM-DD</c> first line; null with <c>date: none</c> or no date line.</summary>
    public DateOnly? Date { get; private set; }

    public string Input { get; private set; } = string.Empty;

    public string Expected { get; private set; } = string.Empty;

    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File)) ?? string.Empty;
        Line = info.GetValue<int>(nameof(Line));
        Title = info.GetValue<string>(nameof(Title)) ?? string.Empty;
        var date = info.GetValue<string>(nameof(Date));
        Date = string.IsNullOrEmpty(date) ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Input = info.GetValue<string>(nameof(Input)) ?? string.Empty;
        Expected = info.GetValue<string>(nameof(Expected)) ?? string.Empty;
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Line), Line);
        info.AddValue(nameof(Title), Title);
        info.AddValue(nameof(Date), Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        info.AddValue(nameof(Input), Input);
        info.AddValue(nameof(Expected), Expected);
    }

    public override string ToString() => $"{File}#{Line} {Title}";
}
