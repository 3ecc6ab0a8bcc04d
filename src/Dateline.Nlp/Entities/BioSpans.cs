namespace Dateline.Nlp.Entities;

/// <summary>Entity spans [start, end) with their type from a BIO tag sequence.</summary>
public static class BioSpans
{
    public static IEnumerable<(int Start, int End, string Type)> Of(string[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] == "O")
            {
                continue;
            }

            var type = tags[i][2..];
            var j = i + 1;
            while (j < tags.Length && tags[j] == "I-" + type)
            {
                j++;
            }

            yield return (i, j, type);
            i = j - 1;
        }
    }
}
