using System.Collections.Immutable;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Syntax;

/// <summary>CoNLL-U from Dateline's analyses: over gold tokenisation (a read sentence) or over an analysed document.</summary>
public static class ConlluAnnotation
{
    /// <summary>
    /// The same sentence with predicted LEMMA, UPOS, XPOS, HEAD and DEPREL; FEATS and DEPS become "_" (not predicted);
    /// FORM, MISC, comments and multiword-token ranges are kept as read.
    /// </summary>
    public static ConlluSentence Annotate(ConlluSentence sentence, SyntaxModel model)
    {
        var a = model.Analyze(sentence.Forms());
        var words = sentence.Words.Select((w, i) => w with
        {
            Lemma = a.Lemmas[i],
            Upos = a.Upos[i],
            Xpos = a.Xpos[i].Length == 0 ? "_" : a.Xpos[i],
            Feats = "_",
            Head = a.Heads[i] + 1,
            Relation = a.Relations[i],
            Deps = "_",
        });
        return sentence with { Words = [.. words] };
    }

    /// <summary>
    /// An analysed document's sentences as CoNLL-U: <c># sent_id = ID-N</c> and <c># text</c> comments, Dateline's
    /// tokens as words, <c>SpaceAfter=No</c> where no space follows in the text. Needs <see cref="Layers.Syntax"/> and <see cref="Layers.Sentences"/>.
    /// </summary>
    public static IEnumerable<ConlluSentence> FromDocument(Document doc)
    {
        var tokens = doc.Get(Layers.Tokens);
        var syntax = doc.Get(Layers.Syntax);
        var number = 0;
        foreach (var (start, end) in PerceptronDependencyParser.Groups(tokens, doc.Get(Layers.Sentences)))
        {
            number++;
            var words = ImmutableArray.CreateBuilder<ConlluWord>(end - start);
            for (var i = start; i < end; i++)
            {
                var span = tokens[i];
                var s = syntax[i];
                var spaceAfter = i + 1 < tokens.Length && tokens[i + 1].Start == span.End;
                words.Add(new ConlluWord(doc.Text.Substring(span.Start, span.Length), s.Lemma, s.Upos, s.Xpos.Length == 0 ? "_" : s.Xpos, "_",
                    s.Head < 0 ? 0 : s.Head - start + 1, s.Relation, "_", spaceAfter ? "SpaceAfter=No" : "_"));
            }

            var text = doc.Text[tokens[start].Start..tokens[end - 1].End].ReplaceLineEndings(" ");
            string[] comments = [$"# sent_id = {doc.Id}-{number}", $"# text = {text}"];
            yield return new ConlluSentence(words.MoveToImmutable(), [.. comments], [~0, ~1, .. Enumerable.Range(0, end - start)], 0);
        }
    }
}
