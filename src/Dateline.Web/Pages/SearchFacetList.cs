using System.Globalization;
using Dateline.Storage.Search;

namespace Dateline.Web.Pages;

/// <summary>
/// The search page's facets: the sources and tags of the matches with their counts, each a link to the same search with
/// that filter added (a filter in force is said, with a link that removes it).
/// </summary>
internal static class SearchFacetList
{
    /// <param name="keep">The parameters of the search as shown (query, filters, order), without a cursor.</param>
    public static void Write(Html h, SearchFacets facets, long matches, (string Name, string? Value)[] keep)
    {
        h.Open("aside", ("class", "facets"), ("id", "facets"), ("aria-labelledby", "facets-h"));
        h.Element("h2", "Narrow the results", ("id", "facets-h"));
        Facet(h, "source", "Sources", facets.Sources, keep);
        Facet(h, "tag", "Tags", facets.Tags, keep);
        if (facets.Counted < matches)
        {
            // The facets count what was ranked: a query past the rank window counts its most recently stored matches.
            h.Element("p", string.Create(CultureInfo.InvariantCulture, $"Counted over the {facets.Counted:N0} most recently stored of {matches:N0} matches."),
                ("class", "note"), ("id", "facets-counted"));
        }

        h.Close("aside");
    }

    private static void Facet(Html h, string name, string heading, IReadOnlyList<FacetCount> values, (string Name, string? Value)[] keep)
    {
        var current = keep.FirstOrDefault(k => k.Name == name).Value;
        h.Open("section", ("class", "facet"), ("id", "facet-" + name), ("aria-label", heading));
        h.Element("h3", heading);
        if (current is not null)
        {
            h.Open("p", ("class", "facet-current")).Text($"Only {current} · ")
                .Link(Routes.WithQuery("/", [.. keep.Where(k => k.Name != name)]), "show all", ("class", "facet-remove"), ("data-facet", name)).Close("p");
        }

        if (values.Count == 0)
        {
            h.Element("p", name == "tag" ? "No tags on these articles." : "No sources on these articles.", ("class", "empty"));
        }
        else
        {
            h.Open("ul", ("class", "facet-values"));
            foreach (var v in values)
            {
                var selected = string.Equals(v.Value, current, StringComparison.OrdinalIgnoreCase);
                h.Open("li").Link(Routes.WithQuery("/", [.. keep.Where(k => k.Name != name), (name, v.Value)]), v.Value, ("class", "facet-link"),
                        ("data-facet", name), ("data-value", v.Value), ("aria-current", selected ? "true" : null))
                    .Text(" ").Element("span", v.Count.ToString("N0", CultureInfo.InvariantCulture), ("class", "count")).Close("li");
            }

            h.Close("ul");
        }

        h.Close("section");
    }
}
