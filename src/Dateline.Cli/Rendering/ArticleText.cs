using System.Text;
using Dateline.Core.Articles;

namespace Dateline.Cli.Rendering;

/// <summary>Human-readable renderings of an article (plain text and Markdown). Text only, never markup from the page.</summary>
internal static class ArticleText
{
    public static string Plain(Article a)
    {
        var sb = new StringBuilder();
        sb.AppendLine(a.Title ?? "(untitled)");
        sb.AppendLine(string.Join(" · ", Facts(a)));
        if (!a.Authors.IsEmpty)
        {
            sb.AppendLine("By " + string.Join(", ", a.Authors));
        }

        foreach (var img in a.Images)
        {
            sb.AppendLine("[image] " + string.Join(" — ", new[] { img.Alt, img.Caption, img.Credit is null ? null : "credit: " + img.Credit }.OfType<string>()));
        }

        sb.AppendLine();
        foreach (var p in a.Paragraphs)
        {
            sb.AppendLine(p).AppendLine();
        }

        foreach (var w in a.Warnings)
        {
            sb.AppendLine("warning: " + w);
        }

        sb.AppendLine($"id {a.Id} · {a.Origin.Path}{(a.Origin.Offset is { } o ? "@" + o : string.Empty)}");
        return sb.ToString();
    }

    public static string Markdown(Article a)
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(Escape(a.Title ?? "(untitled)")).AppendLine();
        foreach (var (name, value) in Fields(a))
        {
            sb.Append("- **").Append(name).Append(":** ").AppendLine(Escape(value));
        }

        foreach (var img in a.Images)
        {
            sb.Append("- **image:** ").AppendLine(Escape(string.Join(" — ", new[] { img.Alt, img.Caption, img.Credit }.OfType<string>())));
        }

        sb.AppendLine();
        foreach (var p in a.Paragraphs)
        {
            sb.AppendLine(Escape(p)).AppendLine();
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Facts(Article a) =>
        new[] { a.Source, a.Published is { } d ? $"{d} ({a.PublishedSource})" : null, a.Section, a.Dateline, a.Wire,
                a.CommentCount is { } c ? $"{c} comment(s)" : null }.OfType<string>();

    private static IEnumerable<(string, string)> Fields(Article a)
    {
        (string, string?)[] all =
        [
            ("id", a.Id), ("url", a.Url), ("source", a.Source), ("published", a.Published is { } d ? $"{d} ({a.PublishedSource})" : null),
            ("section", a.Section), ("dateline", a.Dateline), ("wire", a.Wire),
            ("authors", a.Authors.IsEmpty ? null : string.Join(", ", a.Authors)), ("tags", a.Tags.IsDefaultOrEmpty ? null : string.Join(", ", a.Tags)),
            ("language", a.Language),
            ("comments", a.CommentCount?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        return all.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!));
    }

    /// <summary>Backslash-escapes Markdown and HTML-significant characters so page text renders as text.</summary>
    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
