using Dateline.Nlp.Syntax;

namespace Dateline.Nlp.Tests.Syntax;

[Trait("issue", "11")]
public sealed class ConlluTests
{
    private const string Sample = """
        # sent_id = s1
        # text = Don't go.
        1-2	Don't	_	_	_	_	_	_	_	_
        1	Do	do	AUX	VB	Mood=Imp	3	aux	_	_
        2	n't	not	PART	RB	_	3	advmod	_	_
        3	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
        3.1	went	_	_	_	_	_	_	_	_
        4	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = s2
        1	Yes	yes	INTJ	UH	_	0	root	_	_

        """;

    [Fact]
    public void Reads_words_and_passes_comments_and_ranges_through_but_drops_empty_nodes()
    {
        var sentences = Conllu.Read(new StringReader(Sample)).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["Do", "n't", "go", "."], sentences[0].Forms());
        Assert.Equal([2, 2, -1, 2], sentences[0].Heads());

        var writer = new StringWriter();
        foreach (var s in sentences)
        {
            Conllu.Write(writer, s);
        }

        var written = writer.ToString();
        Assert.Contains("# text = Don't go.\n1-2\tDon't", written, StringComparison.Ordinal);
        Assert.DoesNotContain("3.1", written, StringComparison.Ordinal);
        Assert.Equal(Sample.Replace("3.1\twent\t_\t_\t_\t_\t_\t_\t_\t_\n", "", StringComparison.Ordinal) + "\n", written);
    }

    [Fact]
    public void A_broken_sentence_is_reported_with_its_line_and_the_next_one_is_read()
    {
        const string input = "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdog\n\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";
        var errors = new List<ConlluFormatException>();
        var sentences = Conllu.Read(new StringReader(input), "in.conllu", errors.Add).ToList();
        Assert.Single(sentences);
        Assert.Equal(["Yes"], sentences[0].Forms());
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("in.conllu [line 2]: expected 10 tab-separated columns, found 2", error.Message);
    }

    [Theory]
    [InlineData("2\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n", "word id '2' is not 1")]
    [InlineData("1\tA\ta\tDET\tDT\t_\t5\troot\t_\t_\n", "HEAD 5 points past the sentence's 1 words")]
    [InlineData("1\tA\ta\tDET\tDT\t_\tx\troot\t_\t_\n", "HEAD 'x' is not a number")]
    public void Rejects_malformed_word_lines(string input, string reason)
    {
        var ex = Assert.Throws<ConlluFormatException>(() => Conllu.Read(new StringReader(input)).ToList());
        Assert.Equal(reason, ex.Reason);
    }

    [Fact]
    public void Folds_split_by_document()
    {
        var text = string.Concat(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? $"# newdoc id = d{i / 2}\n" : "") + $"1\tw{i}\tw\tX\tX\t_\t0\troot\t_\t_\n\n"));
        var sentences = Conllu.Read(new StringReader(text)).ToList();
        var held = TreebankFolds.Select(sentences, 2, 3, inFold: true);
        var rest = TreebankFolds.Select(sentences, 2, 3, inFold: false);
        Assert.Equal(["w2", "w3"], held.Select(s => s.Words[0].Form));
        Assert.Equal(4, rest.Count);
        Assert.Throws<FormatException>(() => TreebankFolds.Parse("4/3"));
    }
}
