using System.Text;
using Dateline.Core.Articles;

namespace Dateline.Core.Embeddings;

/// <summary>
/// What of an article is embedded: its title and lead — the first paragraphs, up to <see cref="MaxCharacters"/>
/// characters, cut at a word. News puts the gist first, and sentence encoders read a few hundred word pieces at most
/// (MiniLM was trained on 256), so the rest of a long article would be cut by the model anyway.
/// </summary>
public static class EmbeddingText
{
    public const int MaxCharacters = 1_000;

    public static string ForArticle(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sb = new StringBuilder(MaxCharacters + 64);
        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            sb.Append(article.Title.Trim()).Append('\n');
        }

        foreach (var paragraph in article.Paragraphs)
        {
            var room = MaxCharacters - sb.Length;
            if (room <= 0)
            {
                break;
            }

            var p = paragraph.Trim();
            if (p.Length == 0 || (article.Title is { } title && p == title.Trim()))
            {
                continue;
            }

            if (p.Length > room)
            {
                var cut = p.LastIndexOf(' ', room);
                p = p[..(cut > room / 2 ? cut : room)];
            }

            sb.Append(p).Append('\n');
        }

        return sb.ToString().TrimEnd();
    }
}
