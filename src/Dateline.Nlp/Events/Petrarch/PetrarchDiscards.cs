namespace Dateline.Nlp.Events.Petrarch;

/// <summary>
/// PETRARCH discard lists (<c>Phoenix.discards.txt</c>, <c>PETR.Validate.discards.txt</c>): a phrase that marks a
/// sentence as not codable ("YEARS LATER", "BASEBALL"), or, with a leading <c>+</c>, the whole story ("+TYPHOON").
/// Matching is on whole lower-cased words in sequence.
/// </summary>
public sealed class PetrarchDiscards
{
    private readonly Dictionary<string, List<string[]>> _sentence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> _story = new(StringComparer.Ordinal);

    public int SentenceCount { get; private set; }

    public int StoryCount { get; private set; }

    public void Load(string path, List<DictionaryProblem> problems) => Load(Path.GetFileName(path), DictionaryText.Lines(path), problems);

    internal void Load(string file, IEnumerable<(int Line, string Text)> lines, List<DictionaryProblem> problems)
    {
        foreach (var (line, text) in lines)
        {
            var story = text.StartsWith('+');
            var phrase = story ? text[1..] : text;
            if (phrase.Contains('[', StringComparison.Ordinal) || phrase.Contains(']', StringComparison.Ordinal))
            {
                problems.Add(new DictionaryProblem(file, line, $"a discard is a phrase, not a coded entry: '{text}'"));
                continue;
            }

            var words = DictionaryText.Words(phrase, out _);
            if (words.Length == 0)
            {
                problems.Add(new DictionaryProblem(file, line, "empty discard phrase"));
                continue;
            }

            var target = story ? _story : _sentence;
            if (!target.TryGetValue(words[0], out var list))
            {
                target[words[0]] = list = [];
            }

            list.Add(words);
            if (story)
            {
                StoryCount++;
            }
            else
            {
                SentenceCount++;
            }
        }
    }

    /// <summary>True when tokens [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="words"/> contain a sentence-level discard.</summary>
    public bool DiscardsSentence(string[] words, int start, int end) => Contains(_sentence, words, start, end);

    /// <summary>True when the whole text contains a story-level discard.</summary>
    public bool DiscardsStory(string[] words) => Contains(_story, words, 0, words.Length);

    private static bool Contains(Dictionary<string, List<string[]>> phrases, string[] words, int start, int end)
    {
        if (phrases.Count == 0)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!phrases.TryGetValue(words[i], out var list))
            {
                continue;
            }

            foreach (var p in list)
            {
                if (i + p.Length > end)
                {
                    continue;
                }

                var ok = true;
                for (var k = 1; k < p.Length && ok; k++)
                {
                    ok = words[i + k] == p[k];
                }

                if (ok)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
