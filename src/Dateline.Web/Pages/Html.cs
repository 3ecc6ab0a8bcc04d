using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Dateline.Web.Pages;

/// <summary>
/// A tiny HTML builder that escapes by construction: text and attribute values always go through the encoder; only tag
/// and attribute names (constants in our code) and <see cref="Markup"/> literals are written as they are. Article text,
/// titles and URLs are untrusted and never reach the page any other way.
/// </summary>
internal sealed class Html
{
    /// <summary>Escapes &lt; &gt; &amp; quotes and control characters; keeps other scripts (Japanese, Korean) readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _sb = new(8192);

    public static string Encode(string? s) => s is null ? string.Empty : Encoder.Encode(s);

    /// <summary>Writes a markup literal from our own code. Never pass data here.</summary>
    public Html Markup(string literal)
    {
        _sb.Append(literal);
        return this;
    }

    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Encoder.Encode(new StringWriter(_sb), text);
        }

        return this;
    }

    public Html Text(string text, int start, int end)
    {
        if (end > start)
        {
            Encoder.Encode(new StringWriter(_sb), text, start, end - start);
        }

        return this;
    }

    /// <summary>Opens an element; attributes with a null value are left out, "" writes a bare attribute value.</summary>
    public Html Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _sb.Append(' ').Append(name).Append("=\"");
            Text(value);
            _sb.Append('"');
        }

        _sb.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    public Html Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link to one of our own pages (a path starting with '/').</summary>
    public Html Link(string href, string? text, params (string Name, string? Value)[] attributes) =>
        Element("a", text, [("href", LocalHref(href)), .. attributes]);

    /// <summary>Only http(s) URLs become links to other sites; anything else (javascript:, data:) is shown as text.</summary>
    public static string? SafeExternalHref(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u.AbsoluteUri
            : null;

    private static string LocalHref(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) ? href : throw new ArgumentException("not a local path: " + href, nameof(href));

    public override string ToString() => _sb.ToString();
}
