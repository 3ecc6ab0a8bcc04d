using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Events;

/// <summary>
/// Who did what to whom from the dependency tree (the syntax layer): the predicate's subject is the source (the agent of a
/// passive, the controller of "agreed to …", the antecedent of "who"), its objects and its obliques with a directional
/// preposition ("with", "against", "on", "to") are the targets; a nominal trigger ("talks with X", "the arrest of X")
/// takes its arguments from its own modifiers and the verb that governs it ("held talks", "ordered the arrest").
/// Negation is read off the predicate's own dependents.
/// </summary>
public sealed partial class RuleEventCoder
{
    /// <summary>Prepositions that mark the other party of an act ("talks with", "attack on", "appeal to").</summary>
    private static readonly FrozenSet<string> PartyCases = new[]
    {
        "with", "against", "on", "upon", "to", "toward", "towards", "at", "into", "from", "over", "between", "among", "of",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Objects that make a force or yielding verb figurative ("attacked the Tory plans", "withdrew two posters", "fought the
    /// bill"): plans, documents, ideas and campaigns, not people, places or forces.
    /// </summary>
    private static readonly FrozenSet<string> AbstractObjects = WordClass("abstract-object");

    /// <summary>
    /// Civilian places: an attack on one is an attack on the civilians of its country (CAMEO/Phoenix CVL), as event
    /// coders code "gunmen stormed a hotel". Written by the Dateline team.
    /// </summary>
    private static readonly FrozenSet<string> CivilianPlaces = WordClass("civilian-place");

    /// <summary>What a government signs on its own: laws and decrees, not agreements with another party.</summary>
    private static readonly FrozenSet<string> DomesticInstruments = WordClass("domestic-instrument");

    /// <summary>One class of Data/events/syntax_word_classes.tsv (lemmas).</summary>
    private static FrozenSet<string> WordClass(string name) =>
        TsvResource.Rows("events.syntax_word_classes.tsv").Where(r => r["class"] == name)
            .SelectMany(r => TsvResource.List(r, "words")).ToFrozenSet(StringComparer.Ordinal);

    private sealed class Tree
    {
        private readonly ImmutableArray<TokenSyntax> _nodes;
        private readonly List<int>?[] _children;

        public Tree(ImmutableArray<TokenSyntax> nodes)
        {
            _nodes = nodes;
            _children = new List<int>?[nodes.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                if (nodes[i].Head >= 0 && nodes[i].Head < nodes.Length)
                {
                    (_children[nodes[i].Head] ??= []).Add(i);
                }
            }
        }

        public int Count => _nodes.Length;

        public int Head(int i) => _nodes[i].Head;

        public string Rel(int i) => _nodes[i].Relation;

        public string Upos(int i) => _nodes[i].Upos;

        public string Xpos(int i) => _nodes[i].Xpos;

        public string Lemma(int i) => _nodes[i].Lemma;

        private static readonly List<int> None = [];

        public List<int> Children(int i) => _children[i] ?? None;

        /// <summary>The relation without its subtype ("obl:tmod" → "obl").</summary>
        public string BaseRel(int i)
        {
            var r = _nodes[i].Relation;
            var colon = r.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? r : r[..colon];
        }

        /// <summary>The preposition marking a nominal ("with" in "talks with Seoul"), lower case, or "".</summary>
        public string Case(int i, string[] words)
        {
            foreach (var k in Children(i))
            {
                if (_nodes[k].Relation is "case" && _nodes[k].Upos == "ADP")
                {
                    return words[k];
                }
            }

            return string.Empty;
        }

        public bool IsPassive(int p) =>
            Children(p).Any(k => _nodes[k].Relation is "nsubj:pass" or "aux:pass" or "csubj:pass")
            || (_nodes[p].Relation == "acl" && _nodes[p].Xpos == "VBN");
    }

    /// <summary>What the tree says about one trigger's participants and circumstances.</summary>
    private sealed record TreeArguments(List<ActorPhrase> Sources, List<ActorPhrase> Targets, bool Passive, bool Negated, bool NonActorObject)
    {
        /// <summary>The word of a civilian place the act hits ("attacked a hotel", "stormed the train"), or -1.</summary>
        public int CivilianPlace { get; init; } = -1;

        /// <summary>The tagger reads a one-word verb pattern as a noun ("strong domestic demand", "one sentence").</summary>
        public bool NounUse { get; init; }

        /// <summary>The predicate has an object or a clausal complement ("rejected the offer", "refused to meet").</summary>
        public bool HasComplement { get; init; }

        /// <summary>A passive with a stated agent ("by the army").</summary>
        public bool HasAgent { get; init; }

        /// <summary>A condition ("if", "unless"), a hedge ("could", "might", "may") or a forecast ("is likely to") on the act.</summary>
        public bool Hypothetical { get; init; }

        /// <summary>The act's object is not someone it can be done to ("received the ruling", "received medical treatment").</summary>
        public bool ThingObject { get; init; }

        /// <summary>The verb governs speaking ("declined to comment", "refused to say"): silence, not a refusal of anyone.</summary>
        public bool DeclinesToSpeak { get; init; }

        /// <summary>A passive whose stated agent is no actor ("threatened by plant pests", "hit by floods").</summary>
        public bool NonActorAgent { get; init; }

        /// <summary>The tagger reads the trigger word as an adjective, adverb or preposition ("free care", "go back").</summary>
        public bool NotAVerb { get; init; }

        /// <summary>"Attacked the plans": an attack verb whose object is an idea is criticism.</summary>
        public bool VerbalAttack { get; init; }

        /// <summary>The predicate's object is an allegation ("rejected the accusations", "dismissed the claims").</summary>
        public bool Denial { get; init; }

        /// <summary>The predicate's object is a domestic instrument (a law, decree, declaration), not an accord with a party.</summary>
        public bool DomesticAct { get; init; }

        /// <summary>
        /// The active predicate's own subject is a thing that no one stands behind ("the drought has killed crops", "an agenda
        /// that will appeal to voters"): no actor's act, whatever actor the clause names elsewhere.
        /// </summary>
        public bool ThingSubject { get; init; }

        /// <summary>The predicate's clausal complement has a thing as its subject ("warned that the weak dollar would cut profits").</summary>
        public bool ThingClause { get; init; }

        /// <summary>"shares shot up 7%": a rise, not a shooting.</summary>
        public bool RisesUp { get; init; }

        /// <summary>The head words of the predicate's subjects (active predicates only).</summary>
        public List<int> Subjects { get; init; } = [];

        /// <summary>"failed to oppose", "neglected to consult": a verb that says its complement did not happen.</summary>
        public bool Unrealised { get; init; }

        /// <summary>The act is the object of a verb that ends or breaks it off ("cut off talks", "suspended negotiations").</summary>
        public bool Ended { get; init; }
    }

    /// <summary>Verbs whose object noun is the act itself: "ordered the arrest", "launched an attack", "imposed sanctions".</summary>
    private static readonly FrozenSet<string> ExecutiveVerbs = WordClass("executive-verb");

    /// <summary>A nominal trigger that is the object of an executive verb which is not itself a trigger.</summary>
    private static bool ExecutedNoun(Context c, Trigger t, List<Trigger> triggers)
    {
        if (c.Tree is not { } tree || t.End > tree.Count)
        {
            return false;
        }

        var p = PredicateOf(tree, t.Start, t.End);
        var v = tree.Head(p);
        return tree.Upos(p) == "NOUN" && v >= 0 && tree.BaseRel(p) == "obj" && tree.Upos(v) == "VERB" && ExecutiveVerbs.Contains(tree.Lemma(v))
            && !triggers.Any(x => x != t && x.Start <= v && v < x.End);
    }

    /// <summary>The word of the trigger that heads it in the tree (its head lies outside the pattern's words).</summary>
    private static int PredicateOf(Tree tree, int start, int end)
    {
        var best = start;
        for (var i = start; i < end; i++)
        {
            var h = tree.Head(i);
            if (h < start || h >= end)
            {
                if (tree.Upos(i) is "VERB" or "NOUN")
                {
                    return i;
                }

                best = i;
            }
        }

        return best;
    }

    private TreeArguments? ArgumentsFromTree(Context c, Trigger t, int s, int e)
    {
        if (c.Tree is not { } tree || t.End > tree.Count)
        {
            return null;
        }

        var words = c.Words;
        var p = PredicateOf(tree, t.Start, t.End);
        var act = t.GovernedStart >= 0 ? PredicateOf(tree, t.GovernedStart, t.ActEnd) : p;
        var passive = (t.GovernedStart < 0 || !t.Pattern.Governs) && !t.Pattern.StatesIntent && tree.IsPassive(p);
        var subjects = new List<int>();
        var objects = new List<int>();
        var nonActorObject = false;

        if (tree.Upos(p) is "NOUN" or "PROPN")
        {
            NominalArguments(tree, words, p, subjects, objects);
            if (subjects.Count == 0 && t.Code.StartsWith("04", StringComparison.Ordinal) && tree.BaseRel(p) == "nsubj" && tree.Head(p) is var clause and >= 0
                && tree.BaseRel(clause) == "ccomp" && tree.Head(clause) is var report and >= 0 && ReportingLemmas.Contains(tree.Lemma(report)))
            {
                // "Egypt said that talks with the IMF were going well": who reports on their own talks with someone is a party.
                SubjectHeads(tree, words, report, subjects, depth: 0);
            }
        }
        else
        {
            SubjectHeads(tree, words, p, subjects, depth: 0);
            ObjectHeads(tree, words, p, objects, passive);
            if (act != p)
            {
                // "agreed to withdraw troops from X", "urged Iran to release …": the governed act's own parties too.
                var governed = new List<int>();
                ObjectHeads(tree, words, act, governed, tree.IsPassive(act));
                objects.AddRange(governed.Where(g => !objects.Contains(g)));
            }
        }

        List<ActorPhrase> sources;
        List<ActorPhrase> targets;
        if (passive)
        {
            var agents = new List<int>();
            foreach (var k in tree.Children(p))
            {
                if (tree.BaseRel(k) == "obl" && tree.Case(k, words) == "by")
                {
                    agents.Add(k);
                }
            }

            if (tree.Rel(p) == "acl")
            {
                // "militants killed by the army": the noun the participle modifies is acted on.
                subjects.Add(tree.Head(p));
            }

            sources = PhrasesFor(c, tree, agents, s, e);
            targets = PhrasesFor(c, tree, subjects, s, e);
            objects.RemoveAll(agents.Contains);
            return new TreeArguments(sources, targets, true, Negated(tree, words, p), false)
            {
                HasAgent = agents.Count > 0,
                Hypothetical = Hypothetical(tree, words, p),
                NonActorAgent = agents.Count > 0 && sources.Count == 0 && agents.All(a => tree.Upos(a) == "NOUN"),
                NotAVerb = t.Pattern.SingleVerb && (tree.Upos(p) is "ADJ" or "ADV" or "ADP" || tree.Rel(p) == "amod"),
                CivilianPlace = subjects.FirstOrDefault(o => tree.Upos(o) == "NOUN" && CivilianPlaces.Contains(tree.Lemma(o)), -1),
                RisesUp = RisesUp(tree, words, p),
                // "numbers released by Japan's Finance Ministry": what a passive acts on is its subject.
                ThingObject = targets.Count == 0 && subjects.Any(o => IsThing(c, tree, o)),
            };
        }

        sources = PhrasesFor(c, tree, subjects, s, e);
        targets = PhrasesFor(c, tree, objects, s, e);

        // "attacked the Tory plans", "attacked President Bush's economic record", "withdrew two posters": the object is an
        // idea or a document, whoever it belongs to.
        nonActorObject = objects.Any(o => tree.BaseRel(o) is "obj" or "nmod" && tree.Upos(o) == "NOUN" && AbstractObjects.Contains(tree.Lemma(o)));

        return new TreeArguments(sources, targets, false, Negated(tree, words, p), nonActorObject)
        {
            Subjects = subjects,
            RisesUp = RisesUp(tree, words, p),
            DomesticAct = objects.Any(o => tree.BaseRel(o) == "obj" && DomesticInstruments.Contains(tree.Lemma(o))),
            ThingSubject = sources.Count == 0 && tree.Upos(p) is "VERB" && ThingSubjectOf(c, tree, p, t),
            Unrealised = Unrealised(tree, p),
            Ended = tree.Upos(p) == "NOUN" && tree.BaseRel(p) == "obj" && tree.Head(p) is var ender and >= 0 && Terminatives.Contains(tree.Lemma(ender))
                && !(t.Start <= ender && ender < t.End),
            Denial = objects.Any(o => tree.BaseRel(o) == "obj" && Allegations.Contains(tree.Lemma(o))),
            DeclinesToSpeak = t.GovernedStart < 0 && tree.Children(p).Any(k => tree.BaseRel(k) == "xcomp" && (ReportingLemmas.Contains(tree.Lemma(k))
                || tree.Lemma(k) is "comment" or "elaborate" or "answer" or "discuss" or "specify" or "disclose" or "reveal" or "identify" or "name"
                // "declined to give her view", "refused to offer details": what is withheld is an answer.
                || (tree.Lemma(k) is "give" or "offer" or "express" or "share" or "provide" && tree.Children(k).Any(o => tree.BaseRel(o) == "obj"
                    && tree.Lemma(o) is "view" or "opinion" or "detail" or "comment" or "reason" or "explanation" or "figure" or "name" or "breakdown")))),
            VerbalAttack = VerbalAttackLemmas.Contains(tree.Lemma(p)),
            Hypothetical = Hypothetical(tree, words, p),
            NotAVerb = (t.Pattern.SingleVerb && (tree.Upos(p) is "ADJ" or "ADV" or "ADP" || tree.Rel(p) == "amod")) || AttributiveVerb(tree, t),
            NounUse = t.Pattern.SingleVerb && tree.Upos(p) is "NOUN" or "PROPN",
            HasComplement = tree.Children(p).Any(k => tree.BaseRel(k) is "xcomp" or "ccomp" or "iobj"
                || (tree.BaseRel(k) == "obj" && tree.Upos(k) != "NUM" && !tree.Children(k).Any(m => tree.Rel(m) == "nummod"))),
            ThingObject = (targets.Count == 0 && objects.Any(o => tree.BaseRel(o) == "obj" && IsThing(c, tree, o)))
                // "to meet U.S. complaints", "met its targets": an actor that only modifies the object does not make it someone.
                || (objects.Count > 0 && objects.All(o => tree.BaseRel(o) == "obj" && (o < t.Start || o >= t.End)
                    && ThingNoun(c, tree, o, cls => cls is not ("person" or "group" or "location" or "Tops")))),
            ThingClause = tree.Children(p).Any(clause => tree.BaseRel(clause) == "ccomp" && tree.Children(clause).Any(k => tree.BaseRel(k) == "nsubj"
                && ThingNoun(c, tree, k, cls => ThingClass(cls, materialConflict: false) && cls is not ("act" or "event")))),
            CivilianPlace = objects.FirstOrDefault(o => tree.Upos(o) == "NOUN" && CivilianPlaces.Contains(tree.Lemma(o)), -1),
        };
    }

    /// <summary>
    /// A pattern of several words whose verb is a participle modifying the pattern's own noun ("violated the signed
    /// agreement", "under the agreed plan"): a noun phrase that names a thing, not an act. A determiner or possessor must
    /// open it: the tagger misreads some finite verbs as modifiers ("staged protest rallies").
    /// </summary>
    private static bool AttributiveVerb(Tree tree, Trigger t) =>
        !t.Pattern.SingleVerb && t.End - t.Start > 1 && tree.Rel(t.Start) == "amod" && tree.Head(t.Start) is var h && h > t.Start && h < t.End
        && tree.Xpos(t.Start) is "VBN" or "VBD" && t.Start > 0 && tree.Xpos(t.Start - 1) is "DT" or "PRP$" or "POS"; // "the signed", not a misparsed "staged protest rallies"

    /// <summary>
    /// Word <paramref name="x"/> lies inside a clause or apposition attached to <paramref name="head"/> (a relative clause,
    /// a participle, an apposition, a parenthetical), not in a modifier that qualifies it ("the Albanians of southern
    /// Serbia" keeps Serbia).
    /// </summary>
    private static bool ClauseOf(Tree tree, int x, int head)
    {
        var inClause = false;
        for (var node = x; node >= 0; node = tree.Head(node))
        {
            if (tree.Head(node) == head)
            {
                return inClause || tree.BaseRel(node) is "acl" or "appos" or "parataxis";
            }

            inClause |= tree.BaseRel(node) is "acl" or "appos" or "parataxis";
        }

        return false;
    }

    /// <summary>A common noun outside every actor phrase, and no time ("the targets", "its results"; not "next week").</summary>
    private static bool IsThing(Context c, Tree tree, int o) =>
        tree.Upos(o) == "NOUN" && !c.Phrases.Any(x => x.Start <= o && o < x.End)
        && tree.Lemma(o) is not ("week" or "month" or "year" or "day" or "weekend" or "morning" or "afternoon" or "evening" or "night" or "time");

    /// <summary>The subject of a verbal predicate, inherited along "xcomp" and "conj" chains; a relative "who" is its antecedent.</summary>
    private static void SubjectHeads(Tree tree, string[] words, int p, List<int> into, int depth)
    {
        foreach (var k in tree.Children(p))
        {
            if (tree.BaseRel(k) is "nsubj")
            {
                into.Add(words[k] is "who" or "which" or "that" && tree.Rel(p) == "acl:relcl" ? tree.Head(p) : k);
            }
        }

        if (into.Count > 0 || depth > 3 || tree.Head(p) < 0)
        {
            return;
        }

        var head = tree.Head(p);
        switch (tree.BaseRel(p))
        {
            case "xcomp":
                // Object control ("urged Iran to release", "called on X to …") is a demand on the object, which the
                // governing pattern codes; here the actor of the act is the governing verb's subject.
                SubjectHeads(tree, words, head, into, depth + 1);
                break;
            case "conj" when tree.Upos(head) is "VERB" or "AUX":
                SubjectHeads(tree, words, head, into, depth + 1);
                break;
            case "acl" when tree.Xpos(p) == "VBG":
                // "troops attacking the town": the modified noun acts.
                into.Add(head);
                break;
            case "acl:relcl":
                into.Add(head);
                break;
        }
    }

    private static void ObjectHeads(Tree tree, string[] words, int p, List<int> into, bool passive)
    {
        foreach (var k in tree.Children(p))
        {
            var rel = tree.Rel(k);
            if (rel is "obj" or "iobj" || (rel is "obl" or "obl:arg" && !passive && PartyCases.Contains(tree.Case(k, words)))
                || (passive && rel is "obl" && tree.Case(k, words) is not ("by" or "" or "in" or "at" or "during" or "after" or "before")))
            {
                into.Add(k);
            }
        }
    }

    /// <summary>
    /// A nominal trigger: its possessor or a demonym is the source ("Israel's attack", "Russian strikes"), else the subject
    /// of the verb it is the object of ("held talks", "ordered the arrest"); its prepositional modifiers are the targets.
    /// </summary>
    private static void NominalArguments(Tree tree, string[] words, int p, List<int> subjects, List<int> objects)
    {
        foreach (var k in tree.Children(p))
        {
            var rel = tree.Rel(k);
            var kase = tree.Case(k, words);
            if (rel is "nmod:poss" || (rel is "amod" or "compound" && tree.Upos(k) is "PROPN" or "ADJ") || (rel == "nmod" && kase is "by" or "from"))
            {
                subjects.Add(k);
            }
            else if (rel == "nmod" && PartyCases.Contains(kase))
            {
                objects.Add(k);
            }
        }

        var head = tree.Head(p);
        if (subjects.Count == 0 && head >= 0 && tree.BaseRel(p) is "obj" or "obl" or "nsubj:pass" && tree.Upos(head) is "VERB")
        {
            SubjectHeads(tree, words, head, subjects, depth: 0);
            if (tree.BaseRel(p) == "obj")
            {
                foreach (var k in tree.Children(head))
                {
                    if (tree.BaseRel(k) is "obl" && PartyCases.Contains(tree.Case(k, words)) && !objects.Contains(k))
                    {
                        objects.Add(k);
                    }
                }
            }
        }
    }

    /// <summary>The actor phrases a list of argument heads name, with their conjuncts ("Japan and South Korea").</summary>
    private static List<ActorPhrase> PhrasesFor(Context c, Tree tree, List<int> heads, int s, int e)
    {
        var result = new List<ActorPhrase>();
        foreach (var h in heads)
        {
            foreach (var node in Conjuncts(tree, h))
            {
                if (PhraseOf(c, tree, node, s, e) is { } phrase && !result.Contains(phrase))
                {
                    result.Add(phrase);
                }
            }
        }

        return result;
    }

    private static IEnumerable<int> Conjuncts(Tree tree, int h)
    {
        yield return h;
        foreach (var k in tree.Children(h))
        {
            if (tree.Rel(k) == "conj" && tree.Upos(k) is "NOUN" or "PROPN" or "PRON" or "ADJ")
            {
                foreach (var x in Conjuncts(tree, k))
                {
                    yield return x;
                }
            }
        }
    }

    /// <summary>
    /// The actor phrase a nominal names: the phrase over its head word, else the nearest phrase among its modifiers
    /// ("forces in Somalia", "the country's president"), searched breadth first, never into clauses.
    /// </summary>
    private static ActorPhrase? PhraseOf(Context c, Tree tree, int head, int s, int e)
    {
        var queue = new Queue<(int Node, int Depth)>();
        queue.Enqueue((head, 0));
        while (queue.Count > 0)
        {
            var (node, depth) = queue.Dequeue();
            if (depth == 0 && tree.Upos(node) == "PRON" && c.Words[node] is "he" or "she" or "it" or "they" or "i" or "we")
            {
                return PronounFromTree(c, tree, node, s);
            }

            foreach (var phrase in c.Phrases)
            {
                if (phrase.Start <= node && node < phrase.End && phrase.Start >= s && phrase.End <= e)
                {
                    return phrase;
                }
            }

            if (depth >= 3)
            {
                continue;
            }

            foreach (var k in tree.Children(node))
            {
                if (tree.Rel(k) is "compound" or "amod" or "nmod" or "nmod:poss" or "flat" or "appos" or "nmod:desc" or "det:poss")
                {
                    queue.Enqueue((k, depth + 1));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A personal pronoun: in "X said it would …" the subject of the reporting verb above the clause, when it is of the
    /// right kind (a person for "he"/"she"); "I"/"we" in a direct quote are its speaker; otherwise the sentence's first
    /// actor of the right kind (<see cref="Resolve"/>).
    /// </summary>
    private static ActorPhrase? PronounFromTree(Context c, Tree tree, int pronoun, int s)
    {
        var w = c.Words[pronoun];
        if (FirstPerson.Contains(w))
        {
            return Resolve(c, w, pronoun, s);
        }

        var person = w is "he" or "she";
        var clause = tree.Head(pronoun);
        if (clause >= 0 && tree.BaseRel(clause) is "ccomp" or "parataxis" && tree.Head(clause) is var speech and >= 0)
        {
            foreach (var k in tree.Children(speech))
            {
                if (tree.BaseRel(k) == "nsubj" && k != pronoun && tree.Upos(k) != "PRON")
                {
                    var subject = PhraseOf(c, tree, k, s, clause);
                    if (subject is { Code: not null } && (person ? subject.Kind == ActorPhrase.Person : subject.Kind != ActorPhrase.Person))
                    {
                        return subject with { Start = pronoun, End = pronoun + 1, Kind = ActorPhrase.Pronoun };
                    }
                }
            }
        }

        var resolved = Resolve(c, w, pronoun, s);
        return resolved is null ? null : resolved with { Start = pronoun, End = pronoun + 1, Kind = ActorPhrase.Pronoun };
    }

    private static bool Negated(Tree tree, string[] words, int p)
    {
        foreach (var k in tree.Children(p))
        {
            if (tree.Rel(k) is "advmod" or "aux" or "neg" && words[k] is "not" or "n't" or "n’t" or "never")
            {
                return true;
            }

            if (tree.BaseRel(k) == "nsubj" && (words[k] is "none" or "nobody" || tree.Children(k).Any(d => tree.Rel(d) == "det" && words[d] == "no")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A condition ("if", "unless") or a hedge ("may", "might", "could") on the predicate, or a forecast above it ("is
    /// likely to visit", "is expected to sign"), along the chain of clauses that share its subject.
    /// </summary>
    /// <summary>Words that present what they govern as expected, not done ("likely to", "expects X to", "appears to").</summary>
    private static readonly FrozenSet<string> Forecasts = WordClass("forecast");

    /// <summary>
    /// Verbs that report what someone said (the speech, assertion and report cues of the quote layer's speech_verbs.tsv:
    /// say, tell, add, state, insist, announce, confirm …), as lemmas for the tree.
    /// </summary>
    private static readonly FrozenSet<string> ReportingLemmas = TsvResource.Rows("speech_verbs.tsv")
        .Where(r => r["class"] is "speech" or "assertion" or "report" && !r["cue"].Contains(' ', StringComparison.Ordinal))
        .Select(r => r["cue"]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What a denial rejects: accusations, claims, reports.</summary>
    private static readonly FrozenSet<string> Allegations = WordClass("allegation");

    /// <summary>Verbs that keep someone "from" an act ("barred from travelling", "prevented from leaving").</summary>
    private static readonly FrozenSet<string> Preventions = WordClass("prevention");

    /// <summary>The WordNet class of common nouns' first sense (noun_classes.tsv): person, group, artifact, phenomenon…</summary>
    private static readonly FrozenDictionary<string, string> NounClasses = TsvResource.Rows("events.noun_classes.tsv")
        .ToFrozenDictionary(r => r["lemma"], r => r["class"], StringComparer.Ordinal);

    /// <summary>
    /// Classes of things that do not act: not people, groups, what they issue (communication) or places that stand for
    /// their governments. Material conflict (quad 4) keeps acts, events and weapons as subjects ("the blast killed", "a
    /// missile hit").
    /// </summary>
    private static bool ThingClass(string cls, bool materialConflict) => cls switch
    {
        "person" or "group" or "communication" or "location" or "Tops" => false,
        "act" or "event" or "artifact" => !materialConflict,
        _ => true,
    };

    /// <summary>
    /// The predicate's own subject (not one inherited along a chain of clauses, where a misparse costs most) when it is a
    /// common noun whose first sense is a thing, outside every actor phrase, with no actor named between it and the
    /// trigger: "the drought has killed crops", "evidence does not support his claims", "an agenda that will appeal to
    /// voters" (a relative pronoun stands for its antecedent).
    /// </summary>
    private bool ThingSubjectOf(Context c, Tree tree, int p, Trigger t)
    {
        var found = false;
        var materialConflict = (_lexicon.Code(t.Code)?.Quad ?? 0) == 4;
        foreach (var k in tree.Children(p))
        {
            if (tree.Rel(k) != "nsubj")
            {
                continue;
            }

            var o = c.Words[k] is "that" or "which" && tree.Rel(p) == "acl:relcl" ? tree.Head(p) : k;
            if (o < 0 || !ThingNoun(c, tree, o, cls => ThingClass(cls, materialConflict)) || c.Phrases.Any(x => x.Start > o && x.Start < t.Start))
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    /// <summary>
    /// A common noun outside every actor phrase (<see cref="IsThing"/>), not an agent noun of the lexicon ("troops",
    /// "officials"), whose first WordNet sense has a class <paramref name="thingClass"/> accepts.
    /// </summary>
    private bool ThingNoun(Context c, Tree tree, int o, Func<string, bool> thingClass) =>
        IsThing(c, tree, o) && NounClasses.TryGetValue(tree.Lemma(o).ToLowerInvariant(), out var cls) && thingClass(cls)
        && !_lexicon.AgentsStartingWith(c.Words[o].ToLowerInvariant()).Any(a => a.Words.Length == 1);

    /// <summary>Words that say the act they govern did not happen ("failed to", "unwilling to", "unwillingness to").</summary>
    private static readonly FrozenSet<string> Nonimplicatives = WordClass("unrealised");

    /// <summary>Verbs that end or break off an ongoing act named by their object ("cut off talks").</summary>
    private static readonly FrozenSet<string> Terminatives = WordClass("terminative");

    /// <summary>
    /// The act is the "to" complement of a verb that says it did not happen ("the Tories had failed to oppose them"), along
    /// the chain of complements above it.
    /// </summary>
    private static bool Unrealised(Tree tree, int p)
    {
        for (var node = p; node >= 0 && tree.BaseRel(node) is "xcomp" or "acl"; node = tree.Head(node))
        {
            // "failed to oppose", "unwilling to concede", "Brazil's unwillingness to concede" (a "to" clause of a noun).
            if (tree.Head(node) is var up and >= 0 && Nonimplicatives.Contains(tree.Lemma(up).ToLowerInvariant())
                && (tree.BaseRel(node) == "xcomp" || tree.Children(node).Any(k => tree.Rel(k) == "mark" && tree.Lemma(k) == "to")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Shares shot up 7%" (also misparsed as a participle modifying "shares"): a rise; "shot up a police station" is not one.</summary>
    private static bool RisesUp(Tree tree, string[] words, int p) =>
        tree.Lemma(p) == "shoot" && tree.Children(p).Any(k => tree.Rel(k) == "compound:prt" && words[k] == "up")
        && !tree.Children(p).Any(k => tree.BaseRel(k) == "obj" && tree.Upos(k) is not "NUM");

    private static bool Hypothetical(Tree tree, string[] words, int p)
    {
        for (var node = p; node >= 0; node = tree.Head(node))
        {
            foreach (var k in tree.Children(node))
            {
                if ((tree.Rel(k) == "mark" && words[k] is "if" or "unless") || (tree.Rel(k) == "aux" && words[k] is "may" or "might" or "could")
                    || (tree.Rel(k) == "aux" && words[k] is "would" or "should" && tree.Xpos(node) == "VBN"
                        && tree.Children(node).Any(h => tree.Rel(h) == "aux" && tree.Lemma(h) == "have"))
                    || (tree.Rel(k) == "advmod" && words[k] is "probably" or "possibly" or "perhaps"))
                {
                    return true;
                }
            }

            if (tree.BaseRel(node) is "xcomp" or "advcl" or "ccomp" && tree.Head(node) is var up and >= 0 && Forecasts.Contains(tree.Lemma(up))
                && (tree.BaseRel(node) != "advcl" || tree.Children(node).Any(k => tree.Rel(k) == "mark" && words[k] == "to")))
            {
                // "is likely to", "is expecting North Korea to launch", "appears to be preparing", "fears that X will attack".
                return true;
            }

            if (tree.BaseRel(node) is "obl" or "advcl" or "xcomp" && tree.Head(node) is var gov and >= 0 && Preventions.Contains(tree.Lemma(gov))
                && tree.Children(node).Any(k => tree.BaseRel(k) is "case" or "mark" && words[k] == "from"))
            {
                // "barred from travel to the United States", "prevented from attacking": what is stopped does not happen.
                return true;
            }

            if (tree.BaseRel(node) is not ("xcomp" or "conj"))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// The tree's part in coding one trigger. It vetoes (returns false) what the words alone cannot see: a figurative
    /// object ("withdrew two posters"; an attack on an idea becomes criticism, 111), a domestic signing, a verb pattern
    /// the tagger reads as a noun, adjective or adverb, a condition or hedge, a passive whose agent is no actor, a
    /// rejection of nothing, a question, agentless praise or visits, a warning about a situation, a visit to a thing.
    /// Otherwise it fills the source or target the clause window missed, turns an attacked civilian place into its
    /// country's civilians, gives an agentless arrest to the state, and reports a negated predicate.
    /// </summary>
    private bool ApplyTree(Context c, Trigger t, int s, int e, ActorPhrase? demandBy, ref bool passive, ref List<ActorPhrase> sources,
        ref List<ActorPhrase> targets, out bool negated)
    {
        negated = false;
        if (ArgumentsFromTree(c, t, s, e) is not { } fromTree)
        {
            return true;
        }

        var force = t.Code.StartsWith("18", StringComparison.Ordinal) || t.Code.StartsWith("19", StringComparison.Ordinal) || t.Code.StartsWith("20", StringComparison.Ordinal);
        if (force && fromTree.RisesUp)
        {
            // "having shot up more than 7% in early trading".
            return false;
        }

        if (fromTree.NonActorObject && ((_lexicon.Code(t.Code)?.Quad ?? 0) == 4 || t.ActCode.StartsWith("08", StringComparison.Ordinal)))
        {
            // "withdrew two posters", "fight corruption": no act of force or of yielding. "Attacked the Tory plans" is
            // criticism (CAMEO 111), of whoever the plans belong to.
            if (!fromTree.VerbalAttack)
            {
                return false;
            }

            t.Code = t.ActCode = "111";
        }

        if (t.Code == "057" && fromTree.DomesticAct && targets.Count == 0)
        {
            // "signed the legislation", "signed a constitutional declaration": a domestic act, not an accord with anyone.
            return false;
        }

        if (fromTree.NotAVerb || fromTree.NonActorAgent || (fromTree.Hypothetical && !t.Code.StartsWith("13", StringComparison.Ordinal)))
        {
            // "providing free care", "threatened by plant pests", "if we reject this treaty", "could be used to threaten".
            // (A threat stays a threat however conditional.)
            return false;
        }

        if (fromTree.NounUse && !t.Executed)
        {
            // "strong domestic demand", "congestion charging", "one sentence": the verb pattern's word used as a noun.
            return false;
        }

        if (fromTree.ThingSubject)
        {
            // "a target he says he has now met", "an agenda that will appeal to core voters": the one who acts is a thing.
            return false;
        }

        if (fromTree.Ended)
        {
            // "cut off talks with Glazer", "suspended negotiations": the talks end; the verb's own pattern, if any, codes that.
            return false;
        }

        if (t.Code.StartsWith("12", StringComparison.Ordinal) && fromTree.DeclinesToSpeak)
        {
            // "officials declined to comment", "refused to say where the hostages were held": no answer is no rejection.
            return false;
        }

        if (t.Code.StartsWith("12", StringComparison.Ordinal) && fromTree.Denial)
        {
            // "Hong Kong authorities rejected accusations that the trial is unfair": a denial is a statement about the
            // speaker, not a refusal of anyone's demand or proposal (CAMEO and PLOVER leave denials uncoded).
            return false;
        }

        if (t.Code.StartsWith("12", StringComparison.Ordinal) && t.Pattern.SingleVerb && !fromTree.HasComplement && !passive)
        {
            // "U.S. refined production declined by 0.7 pct", "employers will have the right to refuse": a rejection
            // rejects something (an object, a proposal, an act to do).
            return false;
        }

        if (t.Pattern.AsksQuestion && (t.GovernedStart < 0 || fromTree.Passive))
        {
            // "was asked about the article", "asked whether ministers had looked at …", "was asked why …": a question
            // (or an unknown asker), not a request.
            return false;
        }

        if (fromTree.Passive && fromTree.Sources.Count == 0 && !fromTree.HasAgent && (_lexicon.Code(t.Code)?.Quad ?? 0) < 3 && demandBy is null
            && !t.Code.StartsWith("02", StringComparison.Ordinal))
        {
            // "was praised", "was visited": praise or a visit with no one doing it is no event between actors (agentless
            // violence and arrests stay: see below; "X said the public should be consulted" is X's demand).
            return false;
        }

        if (t.Code == "130" && t.GovernedStart < 0 && (targets.Count == 0 || (t.Pattern.GovernsClause && fromTree.ThingClause)))
        {
            // "warned of a steep fall in profits", "warned against proposed changes", "warned that the weakening dollar
            // would knock 125m euros off profits": a warning about a situation, not a threat to anyone.
            return false;
        }

        if (fromTree.ThingObject && (t.Code is "042" or "043" || t.Pattern.NeedsActorObject && t.GovernedStart < 0))
        {
            // "received the ruling", "receive medical treatment": a visit is made to or hosted for someone; "to meet Wall
            // Street earnings estimates", "will release its results": a meeting or a release is with or of someone.
            return false;
        }

        if (!passive && fromTree.Sources.Count > 0 && sources.Count > 0 && c.Tree is { } tree
            && sources.All(x => fromTree.Subjects.Any(h => (h < x.Start || h >= x.End) && ClauseOf(tree, x.Start, h))))
        {
            // "Mr Snow, who is currently in Dublin at the start of a four-nation EU visit, has applauded …": the actor the
            // words found nearest the verb sits inside a clause or apposition of the subject; the subject acts.
            sources = fromTree.Sources;
        }

        if (fromTree.Passive == passive)
        {
            sources = sources.Count == 0 ? fromTree.Sources : sources;
            // A phrase among the pattern's own words ("sent two warships") is the means, not the target.
            targets = targets.Count == 0 && !t.Pattern.NoTarget ? [.. fromTree.Targets.Where(x => x.End <= t.Start || x.Start >= t.ActEnd)] : targets;
        }

        negated = fromTree.Negated || fromTree.Unrealised;
        if ((_lexicon.Code(t.Code)?.Quad ?? 0) == 4 && fromTree.CivilianPlace >= 0
            && targets.All(x => x.Kind == ActorPhrase.Place && x.Start > 0 && c.Words[x.Start - 1] is "in" or "at" or "near" or "outside"))
        {
            // "militants attacked a hotel (in Mogadishu)": the civilians of the place's country, not the city.
            var place = new ActorPhrase(fromTree.CivilianPlace, fromTree.CivilianPlace + 1, null, null, ActorPhrase.Group, true) { Sector = "CVL" };
            if (Participant(c, place, s, e, e) is null && c.StoryCountry is { } home)
            {
                // "the BLA said it had taken more than 100 passengers hostage": a sentence that names only the attackers
                // leaves the victims to the country the story is about.
                place = place with { Code = home + "CVL" };
            }

            targets = [place];
        }

        if (passive && (sources.Count == 0 || sources.All(x => x.End <= x.Start)) && targets.Count > 0 && t.Code == "1245"
            && c.Phrases.FirstOrDefault(x => x.Start >= t.End && x.Start <= t.End + 2 && x.Kind == ActorPhrase.Place && x.Code is { Length: 3 }
                && c.Words[x.Start - 1] is "to" or "entering" or "visiting" or "the" && c.Words[t.End - 1] is not "to") is { } entered)
        {
            // "Berisha … are barred from travel to the United States": an entry ban with no stated agent is the state of the
            // country entered, not of the one barred.
            sources = [entered];
        }
        else if (passive && (sources.Count == 0 || sources.All(x => x.End <= x.Start)) && targets.Count > 0 && StateAct(t.Code)
            && Participant(c, targets[0], s, e, e) is { Code.Length: >= 3 } held && !held.Code.StartsWith("IGO", StringComparison.Ordinal))
        {
            // "Berisha was convicted", "journalists were arrested": an arrest, a sentence or a ban with no stated agent is
            // the state's (the country of the one acted on).
            sources = [new ActorPhrase(t.Start, t.Start + 1, held.Code[..3], null, ActorPhrase.Place, false)];
        }

        return true;
    }
}
