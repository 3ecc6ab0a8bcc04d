using Dateline.Nlp.Entities;

namespace Dateline.Nlp.Lexicons;

/// <summary>
/// The place, people and organisation names of Data/ (countries, cities, regions, demonyms, organisations) as one
/// lookup: which names are places (GPE), which words are demonyms (NORP), and a phrase gazetteer whose matches are
/// features of the entity tagger.
/// </summary>
public sealed class Lexicon
{
    private static readonly Lazy<Lexicon> DefaultLazy = new(Load);

    private Lexicon(HashSet<string> places, HashSet<string> demonyms, PhraseGazetteer gazetteer)
    {
        Places = places;
        Demonyms = demonyms;
        Gazetteer = gazetteer;
    }

    public static Lexicon Default => DefaultLazy.Value;

    /// <summary>Country, city and region names as written (case-sensitive).</summary>
    public IReadOnlySet<string> Places { get; }

    public IReadOnlySet<string> Demonyms { get; }

    /// <summary>Labels: COUNTRY, CITY, REGION, DEMONYM, ORG.</summary>
    public PhraseGazetteer Gazetteer { get; }

    private static Lexicon Load()
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        var demonyms = new HashSet<string>(StringComparer.Ordinal);
        var gazetteer = new PhraseGazetteer();
        void Add(string name, string label)
        {
            var words = Tokens.RuleTokenizer.Tokenize(name).Select(t => name[t.Start..t.End]).ToArray();
            if (words.Length is > 0 and <= PhraseGazetteer.MaxWords)
            {
                gazetteer.Add(words, label);
            }
        }

        foreach (var row in TsvResource.Rows("countries.tsv"))
        {
            foreach (var name in TsvResource.List(row, "name").Concat(TsvResource.List(row, "short_forms")))
            {
                places.Add(name);
                Add(name, "COUNTRY");
            }

            foreach (var d in TsvResource.List(row, "demonyms"))
            {
                demonyms.Add(d);
                Add(d, "DEMONYM");
            }

            foreach (var c in TsvResource.List(row, "capital").Concat(TsvResource.List(row, "capital_aliases")))
            {
                places.Add(c);
                Add(c, "CITY");
            }
        }

        foreach (var row in TsvResource.Rows("cities.tsv"))
        {
            var gpe = row.GetValueOrDefault("type") is "capital" or "city" or "region";
            foreach (var name in TsvResource.List(row, "name").Concat(TsvResource.List(row, "aliases")))
            {
                if (gpe)
                {
                    places.Add(name);
                }

                Add(name, gpe ? "CITY" : "PLACE");
            }
        }

        foreach (var row in TsvResource.Rows("regions.tsv"))
        {
            foreach (var name in TsvResource.List(row, "name").Concat(TsvResource.List(row, "aliases")))
            {
                places.Add(name);
                Add(name, "REGION");
            }
        }

        foreach (var row in TsvResource.Rows("ambiguous_demonyms.tsv"))
        {
            foreach (var d in TsvResource.List(row, row.ContainsKey("demonym") ? "demonym" : row.Keys.First()))
            {
                demonyms.Add(d);
                Add(d, "DEMONYM");
            }
        }

        foreach (var row in TsvResource.Rows("organizations.tsv"))
        {
            foreach (var name in TsvResource.List(row, "name").Concat(TsvResource.List(row, "aliases")))
            {
                Add(name, "ORG");
            }
        }

        return new Lexicon(places, demonyms, gazetteer);
    }
}
