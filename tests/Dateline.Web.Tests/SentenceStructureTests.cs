using Dateline.Web.Pages;
using TokenView = Dateline.Web.Pages.ArticleLayers.TokenView;

namespace Dateline.Web.Tests;

/// <summary>The article page's "who did what" lines, read from hand-written parses.</summary>
public sealed class SentenceStructureTests
{
    /// <summary>Tokens separated by one space (none before the final punctuation): (word, lemma, upos, head, relation).</summary>
    private static List<TokenView> Tokens(params (string Word, string Lemma, string Upos, int Head, string Relation)[] words)
    {
        var tokens = new List<TokenView>();
        var at = 0;
        foreach (var (word, lemma, upos, head, relation) in words)
        {
            at += tokens.Count == 0 || upos == "PUNCT" ? 0 : 1;
            tokens.Add(new TokenView(at, at + word.Length, word, lemma, upos, null, head, relation));
            at += word.Length;
        }

        return tokens;
    }

    private static IReadOnlyList<SentenceStructure.Clause> Clauses(List<TokenView> tokens)
    {
        var sentence = Assert.Single(SentenceStructure.Sentences(ArticleLayers.Empty with { Tokens = tokens }));
        return SentenceStructure.Clauses(tokens, sentence);
    }

    [Fact]
    public void Negation_and_auxiliaries_join_the_verb_a_conjoined_verb_shares_the_subject_and_phrases_keep_their_core()
    {
        var tokens = Tokens(
            ("Seoul", "Seoul", "PROPN", 3, "nsubj"), ("did", "do", "AUX", 3, "aux"), ("not", "not", "PART", 3, "advmod"),
            ("reject", "reject", "VERB", -1, "root"), ("but", "but", "CCONJ", 5, "cc"), ("protested", "protest", "VERB", 3, "conj"),
            ("the", "the", "DET", 7, "det"), ("survey", "survey", "NOUN", 5, "obj"), ("near", "near", "ADP", 9, "case"),
            ("Dokdo", "Dokdo", "PROPN", 7, "nmod"), ("on", "on", "ADP", 11, "case"), ("Monday", "Monday", "PROPN", 5, "obl:tmod"),
            (".", ".", "PUNCT", 3, "punct"));

        var clauses = Clauses(tokens);

        Assert.Equal(2, clauses.Count);
        Assert.Equal(("Seoul", "did not reject", 0, 0), (clauses[0].Subject, clauses[0].Verb, clauses[0].Objects.Count, clauses[0].Obliques.Count));
        Assert.Equal(("Seoul", "protested"), (clauses[1].Subject, clauses[1].Verb));
        Assert.Equal(["the survey"], clauses[1].Objects); // "near Dokdo" modifies the survey but is not its core
        Assert.Equal(["on Monday"], clauses[1].Obliques);
    }

    [Fact]
    public void A_copula_makes_a_nominal_the_predicate_and_a_participle_without_arguments_is_no_clause()
    {
        var tokens = Tokens(
            ("Lee", "Lee", "PROPN", 3, "nsubj"), ("is", "be", "AUX", 3, "cop"), ("the", "the", "DET", 3, "det"), ("president", "president", "NOUN", -1, "root"),
            ("of", "of", "ADP", 6, "case"), ("wounded", "wound", "VERB", 6, "amod"), ("veterans", "veteran", "NOUN", 3, "nmod"), (".", ".", "PUNCT", 3, "punct"));

        var clause = Assert.Single(Clauses(tokens));
        Assert.Equal(("Lee", "is the president"), (clause.Subject, clause.Verb));
    }

    [Fact]
    public void A_cyclic_parse_ends()
    {
        // A parser bug: two verbs conjoined to each other, so looking for a shared subject would go round for ever.
        var tokens = Tokens(("signed", "sign", "VERB", 1, "conj"), ("ratified", "ratify", "VERB", 0, "conj"), ("deal", "deal", "NOUN", 1, "obj"));

        var clause = Assert.Single(Clauses(tokens));
        Assert.Equal((null, "ratified", "deal"), (clause.Subject, clause.Verb, Assert.Single(clause.Objects)));
    }
}
