using System.Text.RegularExpressions;

namespace Dateline.Nlp.Events.Petrarch;

/// <summary>
/// PETRARCH verb dictionaries (<c>CAMEO.verbpatterns.*.txt</c>, <c>PETR.Validate.verbs.txt</c>), translated into
/// <see cref="EventPattern"/> rows. The file holds synonym sets (<c>&amp;NAME</c> then <c>+MEMBER</c> lines) and verb
/// blocks: <c>--- NAME [code] ---</c>, then verb lines (<c>SAY {SAYS SAID SAYING} [code]</c>; <c>+</c> marks the verb
/// inside a multi-word verb, <c>{}</c> means "no other forms", no braces means the regular forms), then pattern lines
/// <c>- words * words [code]</c> that apply to every verb of the block.
/// <para>Translation (the engine matches word sequences, not PETRARCH's parse tree):</para>
/// <list type="bullet">
/// <item><c>*</c> becomes the block's verbs in all their forms; a space between pattern words becomes a gap of up to
/// <see cref="EventPattern.MaxGap"/> words, <c>_</c> keeps words adjacent;</item>
/// <item><c>&amp;SYNSET</c> becomes the alternatives of the set (nested sets expanded, regular plurals added unless the
/// set or member ends in <c>_</c>);</item>
/// <item><c>$</c> (source), <c>+</c> (target), <c>%</c> (compound) and <c>^</c> (skip a noun phrase) become gaps where
/// the actor stands; a <c>$</c> after the verb or a <c>+</c> before it swaps the usual roles (source before the
/// verb, target after); <c>%</c> does not make the compound both source and target;</item>
/// <item><c>[a:b]</c> codes a second event b from the target back to the source; <c>[---]</c> matches and codes nothing;</item>
/// <item>PETRARCH 2.0 constituent brackets <c>( )</c> and <c>{ }</c> inside patterns are dropped.</item>
/// </list>
/// </summary>
public sealed partial class PetrarchVerbs
{
    /// <summary>One translated pattern: the <see cref="EventPattern"/> text, its code(s), and where it came from.</summary>
    public sealed record Pattern(string Text, string Code, string? PairCode, bool SourceAfter, bool TargetBefore, string File, int Line);

    private sealed record Verb(List<string[]> Forms, string? Code);

    private sealed class Block(string name, string code, int line)
    {
        public string Name { get; } = name;
        public string Code { get; } = code;
        public int Line { get; } = line;
        public List<Verb> Verbs { get; } = [];
        public List<(int Line, string Text)> Patterns { get; } = [];
    }

    private readonly List<Pattern> _patterns = [];
    private readonly IReadOnlyDictionary<string, (string[] Past, string[] Participle)> _irregular;

    public PetrarchVerbs(IReadOnlyDictionary<string, (string[] Past, string[] Participle)> irregular) => _irregular = irregular;

    public IReadOnlyList<Pattern> Patterns => _patterns;

    public int VerbCount { get; private set; }

    [GeneratedRegex(@"^---\s*(?<name>[^\[]+?)\s*\[(?<code>[^\]]*)\]\s*---$")]
    private static partial Regex BlockHeader();

    [GeneratedRegex(@"^(?<phrase>[^{\[]+?)\s*(\{(?<forms>[^}]*)\})?\s*(\[(?<code>[^\]]*)\])?$")]
    private static partial Regex VerbLine();

    [GeneratedRegex(@"^-\s*(?<body>[^\[]*?)\s*\[(?<code>[^\]]*)\]$")]
    private static partial Regex PatternLine();

    [GeneratedRegex(@"^([0-9A-Za-z]+|---)$")]
    private static partial Regex CodeText();

    public void Load(string path, List<DictionaryProblem> problems) => Load(Path.GetFileName(path), DictionaryText.Lines(path), problems);

    internal void Load(string file, IEnumerable<(int Line, string Text)> lines, List<DictionaryProblem> problems)
    {
        var synsets = new Dictionary<string, List<(string Text, bool Exact)>>(StringComparer.OrdinalIgnoreCase);
        List<(string, bool)>? synset = null;
        Block? block = null;
        var skipping = false;
        var blocks = new List<Block>();
        foreach (var (line, text) in lines)
        {
            if (text.StartsWith('&'))
            {
                var name = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0];
                synset = [];
                skipping = false;
                synsets[name.TrimEnd('_')] = synset;
                if (name.EndsWith('_'))
                {
                    synset.Add(("_exact", true));
                }

                block = null;
            }
            else if (text.StartsWith("---", StringComparison.Ordinal))
            {
                var m = BlockHeader().Match(text);
                if (!m.Success || !ValidCode(m.Groups["code"].Value.Trim()))
                {
                    problems.Add(new DictionaryProblem(file, line, $"verb block skipped: not a header with one code (--- NAME [code] ---): '{text}'"));
                    block = null;
                    synset = null;
                    skipping = true;
                    continue;
                }

                skipping = false;
                block = new Block(m.Groups["name"].Value, m.Groups["code"].Value.Trim().ToUpperInvariant(), line);
                blocks.Add(block);
                synset = null;
            }
            else if (text.StartsWith('+') && synset is not null)
            {
                var member = text[1..].Trim();
                synset.Add((member, member.EndsWith('_')));
            }
            else if (block is null && skipping)
            {
                continue;
            }
            else if (block is null)
            {
                problems.Add(new DictionaryProblem(file, line, $"line outside any verb block or synonym set: '{text}'"));
            }
            else if (text.StartsWith('-'))
            {
                block.Patterns.Add((line, text));
            }
            else
            {
                var m = VerbLine().Match(text);
                var code = m.Groups["code"].Success ? m.Groups["code"].Value.Trim().ToUpperInvariant() : null;
                if (!m.Success || (code is not null && !ValidCode(code)))
                {
                    problems.Add(new DictionaryProblem(file, line, $"not a verb line (VERB {{forms}} [code]): '{text}'"));
                    continue;
                }

                var forms = VerbForms(m.Groups["phrase"].Value, m.Groups["forms"].Success ? m.Groups["forms"].Value : null);
                block.Verbs.Add(new Verb(forms, code));
                VerbCount++;
            }
        }

        foreach (var b in blocks)
        {
            Emit(file, b, synsets, problems);
        }
    }

    private static bool ValidCode(string code) => CodeText().IsMatch(code) || code.Split(':') is [var a, var b] && CodeText().IsMatch(a) && CodeText().IsMatch(b);

    /// <summary>The word sequences a verb line stands for; <c>+</c> marks the inflected word of a multi-word verb.</summary>
    private List<string[]> VerbForms(string phrase, string? explicitForms)
    {
        var (words, verb) = VerbPhrase(phrase);
        var forms = new List<string[]> { words };
        if (explicitForms is not null)
        {
            foreach (var f in explicitForms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                forms.Add(VerbPhrase(f).Words);
            }
        }
        else
        {
            foreach (var f in Events.VerbForms.Of(words[verb], _irregular))
            {
                var copy = (string[])words.Clone();
                copy[verb] = f;
                forms.Add(copy);
            }
        }

        return [.. forms.DistinctBy(f => string.Join(' ', f))];
    }

    private static (string[] Words, int Verb) VerbPhrase(string phrase)
    {
        var parts = phrase.Trim().ToLowerInvariant().Split(['_', ' '], StringSplitOptions.RemoveEmptyEntries);
        var verb = Math.Max(0, Array.FindIndex(parts, p => p.StartsWith('+')));
        return ([.. parts.Select(p => p.TrimStart('+'))], verb);
    }

    private void Emit(string file, Block b, Dictionary<string, List<(string Text, bool Exact)>> synsets, List<DictionaryProblem> problems)
    {
        if (b.Verbs.Count == 0)
        {
            if (b.Patterns.Count > 0)
            {
                problems.Add(new DictionaryProblem(file, b.Line, $"verb block {b.Name} has patterns but no verbs"));
            }

            return;
        }

        foreach (var v in b.Verbs)
        {
            AddPattern(file, b.Line, Alternatives(v.Forms), v.Code ?? b.Code, problems, false, false);
        }

        var allVerbs = Alternatives(b.Verbs.SelectMany(v => v.Forms));
        foreach (var (line, text) in b.Patterns)
        {
            var m = PatternLine().Match(text);
            if (!m.Success || !ValidCode(m.Groups["code"].Value.Trim()))
            {
                problems.Add(new DictionaryProblem(file, line, $"not a pattern line (- words * words [code]): '{text}'"));
                continue;
            }

            try
            {
                var (pattern, sourceAfter, targetBefore) = Translate(m.Groups["body"].Value, allVerbs, synsets);
                AddPattern(file, line, pattern, m.Groups["code"].Value.Trim().ToUpperInvariant(), problems, sourceAfter, targetBefore);
            }
            catch (FormatException ex)
            {
                problems.Add(new DictionaryProblem(file, line, ex.Message));
            }
        }
    }

    private void AddPattern(string file, int line, string text, string code, List<DictionaryProblem> problems, bool sourceAfter, bool targetBefore)
    {
        var parts = code.Split(':');
        if (text.Length == 0)
        {
            problems.Add(new DictionaryProblem(file, line, "pattern has no words"));
            return;
        }

        _patterns.Add(new Pattern(text, parts[0], parts.Length > 1 ? parts[1] : null, sourceAfter, targetBefore, file, line));
    }

    private static string Alternatives(IEnumerable<string[]> sequences) =>
        string.Join('|', sequences.Select(s => string.Join('_', s)).Distinct(StringComparer.Ordinal));

    /// <summary>Pattern body → EventPattern text and the role swaps its <c>$</c>/<c>+</c> positions ask for.</summary>
    internal static (string Text, bool SourceAfter, bool TargetBefore) Translate(string body, string verbs,
        IReadOnlyDictionary<string, List<(string Text, bool Exact)>> synsets)
    {
        var parts = new List<string>();
        bool verbSeen = false, sourceAfter = false, targetBefore = false, joinNext = false;
        // PETRARCH 2.0 groups constituents with ( ) and { }; the word-sequence engine has no constituents, so the brackets go.
        var plain = body.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Replace("{", " ", StringComparison.Ordinal).Replace("}", " ", StringComparison.Ordinal);
        foreach (var token in plain.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = token.Split('_');
            for (var k = 0; k < pieces.Length; k++)
            {
                var piece = pieces[k];
                if (piece.Length == 0)
                {
                    continue;
                }

                var adjacent = joinNext || k > 0 && pieces[k - 1].Length > 0;
                string element;
                if (piece is "$" or "+" or "%" or "^")
                {
                    sourceAfter |= piece == "$" && verbSeen;
                    targetBefore |= piece == "+" && !verbSeen;
                    element = "*";
                }
                else if (piece == "*")
                {
                    if (verbSeen)
                    {
                        throw new FormatException($"pattern '{body}' has two verb positions (*)");
                    }

                    verbSeen = true;
                    element = verbs;
                }
                else if (piece.StartsWith('&'))
                {
                    element = string.Join('|', Synset(piece, synsets, 0).Distinct(StringComparer.Ordinal));
                }
                else if (piece.Any(c => c is '|' or '~' or '*' or '&' or '$' or '%' or '^' or '+'))
                {
                    throw new FormatException($"pattern word '{piece}' holds a marker the translation does not know");
                }
                else
                {
                    element = piece.ToLowerInvariant();
                }

                if (parts.Count > 0 && parts[^1] != "*" && element != "*" && !adjacent)
                {
                    parts.Add("*");
                }

                if (element != "*" || parts.Count == 0 || parts[^1] != "*")
                {
                    parts.Add(element);
                }
            }

            joinNext = token.EndsWith('_');
        }

        if (!verbSeen)
        {
            throw new FormatException($"pattern '{body}' has no verb position (*)");
        }

        while (parts.Count > 0 && parts[0] == "*")
        {
            parts.RemoveAt(0);
        }

        while (parts.Count > 0 && parts[^1] == "*")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return (string.Join(' ', parts), sourceAfter, targetBefore);
    }

    private static IEnumerable<string> Synset(string reference, IReadOnlyDictionary<string, List<(string Text, bool Exact)>> synsets, int depth)
    {
        var name = reference.TrimEnd('_');
        if (depth > 8 || !synsets.TryGetValue(name, out var members))
        {
            throw new FormatException(depth > 8 ? $"synonym set {name} nests too deep" : $"synonym set {name} is not defined");
        }

        var exactSet = members.Count > 0 && members[0].Text == "_exact";
        foreach (var (text, exact) in members)
        {
            if (text == "_exact")
            {
                continue;
            }

            if (text.StartsWith('&'))
            {
                foreach (var m in Synset(text, synsets, depth + 1))
                {
                    yield return m;
                }

                continue;
            }

            var words = DictionaryText.Words(text, out _);
            if (words.Length == 0)
            {
                continue;
            }

            yield return string.Join('_', words);
            if (!exact && !exactSet)
            {
                yield return string.Join('_', words[..^1].Append(PetrarchAgents.Plural(words[^1])));
            }
        }
    }
}
