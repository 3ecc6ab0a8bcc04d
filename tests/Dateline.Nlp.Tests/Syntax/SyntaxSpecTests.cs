using Dateline.Core.Documents;
using Dateline.Nlp.Syntax;
using Dateline.Nlp.Tokens;
using Dateline.Testing.Specs;

namespace Dateline.Nlp.Tests.Syntax;

/// <summary>Runs every example of Specs/Syntax.md (STYLE.md B6): a sentence → arcs, lemmas and tags its parse must contain.</summary>
[Trait("issue", "11")]
public sealed class SyntaxSpecTests
{
    public static TheoryData<SpecExample> Examples => SpecFile.Load("Specs/Syntax.md");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example(SpecExample example)
    {
        var sentence = example.Input;
        var expected = example.Expected;
        var doc = Document.FromText("spec", sentence);
        Parse(doc);
        var tokens = doc.Get(Layers.Tokens);
        var syntax = doc.Get(Layers.Syntax);
        string Word(int i) => i < 0 ? "ROOT" : sentence[tokens[i].Start..tokens[i].End];
        var arcs = Enumerable.Range(0, tokens.Length).Select(i => $"{syntax[i].Relation}({Word(syntax[i].Head)}, {Word(i)})").ToHashSet();
        int Index(string word) => Enumerable.Range(0, tokens.Length).First(i => Word(i) == word);

        var missing = new List<string>();
        foreach (var line in expected.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.StartsWith("lemma(", StringComparison.Ordinal) || line.StartsWith("upos(", StringComparison.Ordinal))
            {
                var word = line[(line.IndexOf('(') + 1)..line.IndexOf(')')];
                var value = line[(line.IndexOf('=') + 1)..].Trim();
                var actual = line.StartsWith("lemma", StringComparison.Ordinal) ? syntax[Index(word)].Lemma : syntax[Index(word)].Upos;
                if (actual != value)
                {
                    missing.Add($"{line} (got {actual})");
                }
            }
            else if (!arcs.Contains(line))
            {
                missing.Add(line);
            }
        }

        Assert.True(missing.Count == 0, $"missing: {string.Join("; ", missing)}\nparse: {string.Join(" ", arcs)}");
    }

    /// <summary>Tokens, sentences and syntax only: what the parser's contract is about.</summary>
    private static void Parse(Document doc)
    {
        new Core.Pipelines.PipelineBuilder()
            .Add(new RuleTokenizer())
            .Add(new Sentences.PunctuationSentenceSplitter())
            .Add(new PerceptronDependencyParser(SyntaxModels.Default))
            .Build(Layers.Paragraphs)
            .Run(doc, TestContext.Current.CancellationToken);
        Assert.Empty(doc.Errors);
    }
}
