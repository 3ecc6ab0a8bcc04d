using System.Globalization;
using System.Net;
using System.Text;

namespace Dateline.Testing.Warc;

/// <summary>News pages written for the WARC tests: a headline, a dated byline, a dateline and a few paragraphs, inside
/// the usual page chrome (navigation, share bar, footer) that extraction must leave out.</summary>
public static class SyntheticNews
{
    private static readonly string[] Places = ["SEOUL", "TOKYO", "NAIROBI", "LIMA", "OSLO", "HANOI", "ACCRA", "QUITO"];

    private static readonly string[] Topics = ["port workers", "rail operators", "grain traders", "water authorities", "bus drivers"];

    public static string Url(int i, string host = "news.example.com") => $"https://{host}/2025/06/04/story-{i}.html";

    public static string Title(int i) => $"Talks with {Topics[i % Topics.Length]} resume in round {i}";

    /// <summary>A complete article page; <paramref name="published"/> null leaves every date out of the page.</summary>
    public static string Page(int i, string lang = "en", string? published = "2025-06-03T18:00:00+09:00", string? extraBody = null,
        string? charsetMeta = "utf-8")
    {
        var place = Places[i % Places.Length];
        var topic = Topics[i % Topics.Length];
        var title = WebUtility.HtmlEncode(Title(i));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n");
        if (charsetMeta is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<meta charset=\"{charsetMeta}\">\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<title>{title} | Example Daily</title>\n<meta property=\"og:site_name\" content=\"Example Daily\">\n");
        if (published is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<meta property=\"article:published_time\" content=\"{published}\">\n");
        }

        sb.Append("</head>\n<body>\n<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">Business</a></nav>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<article>\n<h1>{title}</h1>\n<p class=\"byline\">By Ana Example</p>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p>{place} — Negotiators for {topic} met again on Tuesday for round {i} of talks on pay and safety, officials said.</p>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p>The two sides agreed to publish a joint timetable before the next meeting, which is planned for the end of the month in {place.ToLowerInvariant()}.</p>\n");
        sb.Append("<p>A spokesperson said the mood in the room had improved and that a draft agreement could be ready within weeks if both sides kept to the timetable.</p>\n");
        if (extraBody is not null)
        {
            sb.Append("<p>").Append(extraBody).Append("</p>\n");
        }

        sb.Append("</article>\n<div class=\"share\">Share on social media</div>\n<footer>© Example Daily</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>A CC-NEWS-style crawl: warcinfo, then request / response / metadata for each of <paramref name="pages"/> pages.</summary>
    public static WarcWriter Crawl(int pages, string version = "WARC/1.1")
    {
        var w = new WarcWriter(version).Warcinfo();
        for (var i = 0; i < pages; i++)
        {
            w.Page(Url(i), Page(i), WarcWriter.DefaultDate.AddMinutes(i));
        }

        return w;
    }
}
