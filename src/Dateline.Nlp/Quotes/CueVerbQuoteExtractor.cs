using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;

namespace Dateline.Nlp.Quotes;

/// <summary>
/// Quotations from quotation marks and speech cues (Data/speech_verbs.tsv). Direct quotes take the cue and speaker next
/// to their marks ("…," X said / X said: "…" / "…," said X); a quote split around its cue is merged; a quote runs on into
/// the next paragraph when that opens with a quotation mark. Indirect speech: X said (that) … to the end of the
/// sentence, "…, X said.", according to X. A short quoted span (≤ 3 words) with no cue is a scare quote, not a quote;
/// a quoted span inside reported speech belongs to the larger attribution. Speakers are the cue's subject (a name, a
/// pronoun or a role noun phrase), resolved to an actor when <see cref="Layers.ActorMentions"/> is present.
/// </summary>
public sealed class CueVerbQuoteExtractor : IPipelineComponent
{
    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they", "we", "i", "it", "you" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "a", "an", "another", "his", "her", "their", "its", "our", "this", "that", "these", "those", "some", "many",
        "several", "one", "two", "three", "four", "both", "other", "most", "few",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that never belong to a speaker noun phrase: the scan stops before them.</summary>
    private static readonly FrozenSet<string> Stops = new[]
    {
        "and", "or", "but", "which", "who", "whom", "when", "because", "if", "as", "while", "so", "than", "in", "on",
        "at", "for", "with", "to", "by", "from", "after", "before", "about", "over", "into", "is", "was", "are", "were",
        "be", "been", "not", "also", "would", "will", "could", "should", "may", "might", "can", "has", "have", "had",
        "did", "does", "do", "where", "what", "why", "how", "then", "there", "here", "said", "says", "told", "just",
        "even", "still", "however", "since", "until", "through", "during", "against", "without", "under", "between",
        "via", "per", "like", "unlike", "whether", "yet", "nor", "all", "more", "less", "only", "later", "now",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Auxiliaries, adverbs and time words that may stand between a speaker and the cue ("he has also said").</summary>
    private static readonly FrozenSet<string> Skippable = new[]
    {
        "also", "has", "have", "had", "was", "is", "were", "would", "will", "did", "does", "later", "then", "again",
        "once", "earlier", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "last", "week", "night", "morning", "afternoon", "evening", "month", "year", "on", "previously", "recently", "further",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Hearers = new[] { "reporters", "journalists", "media", "press" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Prepositions = new[]
    {
        "in", "on", "at", "for", "to", "of", "with", "about", "by", "from", "after", "before", "during", "through", "up",
        "out", "down", "off", "into", "over", "so", "nothing", "something", "anything", "goodbye", "hello", "yes",
        "no", "sorry", "thanks", "as",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly SpeechCues _cues = SpeechCues.Default.Value;

    public ComponentInfo Info { get; } = new("quotes.cues.v1", [Layers.Tokens, Layers.Sentences, Layers.Entities], [Layers.Quotes]);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var quotes = Extract(document);
        document.Set(Layers.Quotes, quotes);
    }

    /// <summary>Pure: computes the quotes of a document from its text and layers.</summary>
    public ImmutableArray<QuoteMention> Extract(Document document)
    {
        var ctx = new Context(document, _cues);
        return ctx.Run();
    }

    private sealed class Context(Document document, SpeechCues cues)
    {
        private readonly string _text = document.Text;
        private readonly ImmutableArray<TextSpan> _tokens = document.Get(Layers.Tokens);
        private readonly ImmutableArray<TextSpan> _sentences = document.Get(Layers.Sentences);
        private readonly ImmutableArray<EntityMention> _entities = document.Get(Layers.Entities);
        private readonly ImmutableArray<TextSpan> _paragraphs = document.Has(Layers.Paragraphs) ? document.Get(Layers.Paragraphs) : [new TextSpan(0, document.Text.Length)];
        private readonly ImmutableArray<ActorMention>? _actors = document.Has(Layers.ActorMentions) ? document.Get(Layers.ActorMentions) : null;
        private readonly HashSet<int> _usedCues = [];

        public ImmutableArray<QuoteMention> Run()
        {
            var marks = QuotationMarks.Find(_text, _paragraphs);
            var direct = new List<Found>();
            Found? previous = null;
            QuotationMarks.Quoted? uncued = null;
            foreach (var m in marks)
            {
                var f = Attribute(m);
                if (f is { AttributionEnd: not null } && uncued is { } u && ParagraphIndex(u.Open) == ParagraphIndex(m.Open))
                {
                    // "A" … "B," X said: one attribution in PolNeAR's sense, from A to B.
                    direct.RemoveAll(d => d.Cue is null && d.Content == u.Content);
                    f = f with { Content = new TextSpan(u.Content.Start, f.Content.End) };
                }

                uncued = f is null ? m : null;
                if (f is null)
                {
                    // No cue of its own: the second half of a split quote ("A," he said. "B.") joins the first.
                    if (previous is { AttributionEnd: { } attrEnd } p && OnlyPunctuationBetween(attrEnd, m.Open) && SameParagraph(attrEnd, m.Open))
                    {
                        direct[^1] = p with { Content = new TextSpan(p.Content.Start, m.Content.End), AttributionEnd = null };
                        previous = direct[^1];
                        continue;
                    }

                    if (Words(m.Content) <= 3)
                    {
                        continue; // a scare quote: should work as "partners"
                    }

                    // A quote with no cue continues the last speaker when it follows that speaker's quote closely
                    // (the same or the next paragraph); otherwise there is nobody to attribute it to.
                    if (previous is not { Speaker: { } lastSpeaker } || ParagraphIndex(m.Open) - ParagraphIndex(previous.Content.End) > 1)
                    {
                        continue;
                    }

                    f = new Found(m.Content, true, null, lastSpeaker, null, null);
                }

                direct.Add(f);
                previous = f;
            }

            var indirect = Indirect(direct);
            indirect.AddRange(Labelled(direct, indirect));

            // A quoted span inside reported speech, with no cue of its own, is part of the larger attribution.
            var all = new List<Found>();
            foreach (var d in direct)
            {
                if (d.Cue is null && indirect.Any(i => i.Content.Contains(d.Content)))
                {
                    continue;
                }

                all.Add(d);
            }

            all.AddRange(indirect);
            return [.. all.OrderBy(f => f.Content.Start).Select(ToMention)];
        }

        private QuoteMention ToMention(Found f) => new(f.Content, f.Direct, f.Cue, f.Speaker, f.Speaker is { } s ? ActorFor(s) : null);

        private string? ActorFor(TextSpan speaker)
        {
            if (_actors is not { } actors)
            {
                return null;
            }

            ActorMention? best = null;
            foreach (var a in actors)
            {
                if (a.Span.Overlaps(speaker) && (best is null || (speaker.Contains(a.Span) && a.Span.Length > best.Span.Length)))
                {
                    best = a;
                }
            }

            return best?.ActorId;
        }

        /// <summary>Cue and speaker next to a quoted span's marks, or null when there are none.</summary>
        private Found? Attribute(QuotationMarks.Quoted m)
        {
            var limit = ParagraphEnd(m.Close);
            var a = FirstTokenAtOrAfter(m.CloseEnd);

            // After the quote: "…," X said. / "…," said X. A quote ending in a full stop ended its sentence.
            var endsSentence = _text.AsSpan(m.Content.Start, m.Content.Length).TrimEnd().EndsWith('.');
            if (a < _tokens.Length && _tokens[a].Start < limit && !endsSentence)
            {
                var k = a;
                if (Is(k, ",") || Is(k, "—") || Is(k, "–"))
                {
                    k++;
                }

                if (IsCue(k, out var cueEnd))
                {
                    var right = SpeakerRight(cueEnd + 1, limit);
                    if (right is { } r)
                    {
                        _usedCues.Add(k);
                        return new Found(m.Content, true, Span(k, cueEnd), r.Span, null, r.EndToken);
                    }
                }

                for (var j = k; j < _tokens.Length && j < k + 20 && _tokens[j].Start < limit; j++)
                {
                    if (IsSentenceEnd(j) || IsQuoteMark(j))
                    {
                        break;
                    }

                    if (IsCue(j, out cueEnd) && j > k)
                    {
                        var left = SpeakerLeft(j, k);
                        if (left is { } l && l.StartToken == k)
                        {
                            _usedCues.Add(j);
                            return new Found(m.Content, true, Span(j, cueEnd), l.Span, null, cueEnd);
                        }

                        // The sentence runs on after the closing mark: "…" of the normalization of ties, Ishiba told reporters.
                        if (left is { } t && t.StartToken > k + 1 && Is(t.StartToken - 1, ","))
                        {
                            _usedCues.Add(j);
                            return new Found(new TextSpan(m.Content.Start, _tokens[t.StartToken - 2].End), true, Span(j, cueEnd), t.Span, null, cueEnd);
                        }

                        break;
                    }
                }
            }

            // Before the quote: X said: "…" / X said, "…"
            var b = LastTokenEndingAtOrBefore(m.Open);
            if (b >= 0)
            {
                var sentenceStart = FirstTokenAtOrAfter(SentenceStartOf(_tokens[b].Start));
                if (Is(b, ":") || Is(b, ","))
                {
                    b--;
                }

                var cueStart = CueEndingAt(b, out var cueEndTok);
                if (cueStart >= 0 && !_usedCues.Contains(cueStart))
                {
                    var left = SpeakerLeft(cueStart, sentenceStart);
                    if (left is { } l)
                    {
                        _usedCues.Add(cueStart);
                        return new Found(m.Content, true, Span(cueStart, cueEndTok), l.Span, null, null);
                    }
                }
            }

            return null;
        }

        /// <summary>Index of the cue verb whose cue phrase ends at token <paramref name="end"/> ("said", "told reporters", "said in a statement").</summary>
        private int CueEndingAt(int end, out int cueEnd)
        {
            cueEnd = end;
            for (var start = end; start >= 0 && start >= end - 3; start--)
            {
                if (IsCue(start, out var e) && e == end)
                {
                    return start;
                }
            }

            return -1;
        }

        private List<Found> Indirect(List<Found> direct)
        {
            var found = new List<Found>();
            foreach (var sentence in _sentences)
            {
                var first = FirstTokenAtOrAfter(sentence.Start);
                var last = LastTokenEndingAtOrBefore(sentence.End);
                if (last < first)
                {
                    continue;
                }

                var contentEnd = last;
                while (contentEnd > first && (IsSentenceEnd(contentEnd) || IsCloseQuoteOnly(contentEnd)))
                {
                    contentEnd--;
                }

                for (var i = first; i <= last; i++)
                {
                    if (_usedCues.Contains(i) || direct.Any(d => d.Content.Contains(_tokens[i])))
                    {
                        continue;
                    }

                    if (Lower(i) == "according" && i + 1 <= last && Lower(i + 1) == "to")
                    {
                        if (According(i, first, last, contentEnd) is { } acc)
                        {
                            found.Add(acc);
                        }

                        continue;
                    }

                    // "…, saying (that) …": the subject of the sentence speaks.
                    if (i > first + 1 && Is(i - 1, ",") && cues.Participles.Contains(Lower(i)))
                    {
                        var subject = found.LastOrDefault(f => f.Content.End >= sentence.Start && f.Speaker is { } s0 && s0.Start >= sentence.Start)?.Speaker
                            ?? (SpeakerRight(first, _tokens[i].Start) is { } np && np.EndToken + 1 < i ? np.Span : null);
                        var k = i + 1;
                        if (k <= contentEnd && Lower(k) == "that")
                        {
                            k++;
                        }

                        if (subject is { } subj && k <= contentEnd && IsWord(k) && !Prepositions.Contains(Lower(k)))
                        {
                            var c = new TextSpan(_tokens[k].Start, _tokens[contentEnd].End);
                            if (Words(c) >= 3)
                            {
                                found.Add(new Found(c, false, _tokens[i], subj, null, null));
                            }
                        }

                        continue;
                    }

                    if (!IsCue(i, out var cueEnd) || char.IsUpper(_text[_tokens[i].Start]) && i == first)
                    {
                        continue;
                    }

                    var left = SpeakerLeft(i, first);

                    // "…, X said." and "…, said X."
                    if (left is { } l && l.StartToken > first + 2 && Is(l.StartToken - 1, ",") && RestIsSetting(cueEnd + 1, last))
                    {
                        var c = new TextSpan(_tokens[first].Start, _tokens[l.StartToken - 2].End);
                        if (Words(c) >= 3)
                        {
                            found.Add(new Found(c, ContainsMark(c), Span(i, cueEnd), l.Span, null, null));
                            _usedCues.Add(i);
                        }

                        continue;
                    }

                    if (i > first + 2 && Is(i - 1, ",") && cues.Verbs[Lower(i)].Inversion && SpeakerRight(cueEnd + 1, _tokens[last].End) is { } r && RestIsSetting(r.EndToken + 1, last))
                    {
                        var c = new TextSpan(_tokens[first].Start, _tokens[i - 2].End);
                        if (Words(c) >= 3)
                        {
                            found.Add(new Found(c, ContainsMark(c), Span(i, cueEnd), r.Span, null, null));
                            _usedCues.Add(i);
                        }

                        continue;
                    }

                    // X said (that) …
                    if (left is { } sp)
                    {
                        var k = SkipSetting(cueEnd + 1, last);
                        if (Lower(i) is "told" or "tells" or "tell" && cueEnd == i && k == cueEnd + 1)
                        {
                            k = SkipHearer(k, last);
                        }

                        if (k <= contentEnd && Lower(k) == "that")
                        {
                            k++;
                        }

                        if (k > contentEnd || Prepositions.Contains(Lower(k)) || (!IsWord(k) && !IsQuoteMark(k)))
                        {
                            continue;
                        }

                        var c = new TextSpan(_tokens[k].Start, _tokens[contentEnd].End);
                        if (Words(c) >= 3)
                        {
                            found.Add(new Found(c, false, Span(i, cueEnd), sp.Span, null, null));
                            _usedCues.Add(i);
                        }
                    }
                }
            }

            return found;
        }

        /// <summary>
        /// "PENCE: Well, look, …" in transcripts and "Pence: Flowers won't be at debate" in headlines: a paragraph that opens
        /// with a short capitalised name and a colon is that name's words.
        /// </summary>
        private List<Found> Labelled(List<Found> direct, List<Found> indirect)
        {
            var found = new List<Found>();
            foreach (var para in _paragraphs)
            {
                var first = FirstTokenAtOrAfter(para.Start);
                for (var c = first + 1; c < first + 5 && c < _tokens.Length && _tokens[c].Start < para.End; c++)
                {
                    if (!Is(c, ":"))
                    {
                        if (!IsWord(c) && !Is(c, ".") || !char.IsUpper(_text[_tokens[c].Start]) && !Is(c, "."))
                        {
                            break;
                        }

                        continue;
                    }

                    if (!char.IsUpper(_text[_tokens[first].Start]) || !IsWord(first))
                    {
                        break;
                    }

                    var content = new TextSpan(_tokens[c + 1 < _tokens.Length ? c + 1 : c].Start, para.End);
                    if (c + 1 < _tokens.Length && Words(content) >= 3 && !direct.Concat(indirect).Any(f => f.Content.Overlaps(content)))
                    {
                        found.Add(new Found(content, false, _tokens[c], new TextSpan(_tokens[first].Start, _tokens[c - 1].End), null, null));
                    }

                    break;
                }
            }

            return found;
        }

        private Found? According(int i, int first, int last, int contentEnd)
        {
            var s = SpeakerRight(i + 2, _tokens[last].End);
            if (s is not { } sp)
            {
                return null;
            }

            var cue = new TextSpan(_tokens[i].Start, _tokens[i + 1].End);
            if ((i == first || (i == first + 1 && !IsWord(first))) && sp.EndToken + 1 <= last && Is(sp.EndToken + 1, ","))
            {
                var k = sp.EndToken + 2;
                if (k <= contentEnd)
                {
                    var c = new TextSpan(_tokens[k].Start, _tokens[contentEnd].End);
                    return Words(c) >= 3 ? new Found(c, ContainsMark(c), cue, sp.Span, null, null) : null;
                }
            }

            if (i > first + 2 && Is(i - 1, ","))
            {
                var c = new TextSpan(_tokens[first].Start, _tokens[i - 2].End);
                return Words(c) >= 3 ? new Found(c, ContainsMark(c), cue, sp.Span, null, null) : null;
            }

            return null;
        }

        /// <summary>The speaker noun phrase that ends just before the cue at token <paramref name="cue"/>, not starting before <paramref name="min"/>.</summary>
        private Np? SpeakerLeft(int cue, int min)
        {
            var j = cue - 1;
            while (j >= min && (Skippable.Contains(Lower(j)) || (Lower(j).EndsWith("ly", StringComparison.Ordinal) && char.IsLower(_text[_tokens[j].Start]))))
            {
                j--;
            }

            // "Michael McFaul, a senior fellow at the Hoover Institution, said": the name before the apposition.
            if (j > min && Is(j, ","))
            {
                for (var c = j - 1; c > min && c > j - 30; c--)
                {
                    if (IsSentenceEnd(c) || IsQuoteMark(c))
                    {
                        break;
                    }

                    if (Is(c, ","))
                    {
                        return Determiners.Contains(Lower(c + 1)) || char.IsLower(_text[_tokens[c + 1].Start]) ? SpeakerLeft(c, min) : null;
                    }
                }

                return null;
            }

            if (j < min || !IsWord(j) && !IsPossessive(j))
            {
                return null;
            }

            if (Pronouns.Contains(Lower(j)))
            {
                return new Np(_tokens[j], j, j);
            }

            // "the state", "a private email", "his remarks": the cue word is a noun here.
            if (Determiners.Contains(Lower(j)) || (NounLike(cue) && !char.IsUpper(_text[_tokens[j].Start])))
            {
                return null;
            }

            var end = j;
            var start = -1;
            var words = 0;
            while (j >= min && words < 8)
            {
                var w = Lower(j);
                if (IsPossessive(j))
                {
                    j--;
                    continue;
                }

                if (!IsWord(j) || Stops.Contains(w) || cues.Verbs.ContainsKey(w) || Pronouns.Contains(w))
                {
                    break;
                }

                start = j;
                words++;
                if (Determiners.Contains(w))
                {
                    break;
                }

                j--;
            }

            if (start < 0)
            {
                return null;
            }

            // An all-lower-case phrase without a determiner is a speaker only when short ("officials", "a source").
            var capitalised = false;
            for (var t = start; t <= end; t++)
            {
                capitalised |= char.IsUpper(_text[_tokens[t].Start]);
            }

            if (!capitalised && !Determiners.Contains(Lower(start)) && end - start > 1)
            {
                return null;
            }

            var span = new TextSpan(_tokens[start].Start, _tokens[end].End);
            foreach (var e in _entities)
            {
                if (e.Span.Overlaps(span) && e.Span.Start < span.Start && e.Span.Start >= _tokens[min].Start)
                {
                    span = new TextSpan(e.Span.Start, span.End);
                    start = FirstTokenAtOrAfter(e.Span.Start);
                }
            }

            return new Np(span, start, end);
        }

        /// <summary>The speaker noun phrase that starts at token <paramref name="from"/> ("said Ishiba", "said the ministry").</summary>
        private Np? SpeakerRight(int from, int limit)
        {
            if (from >= _tokens.Length || _tokens[from].Start >= limit || !IsWord(from))
            {
                return null;
            }

            if (Pronouns.Contains(Lower(from)))
            {
                return new Np(_tokens[from], from, from);
            }

            var end = -1;
            var words = 0;
            for (var j = from; j < _tokens.Length && _tokens[j].Start < limit && words < 8; j++)
            {
                var w = Lower(j);
                if (IsPossessive(j))
                {
                    continue;
                }

                if (!IsWord(j) || (Stops.Contains(w) && !(j == from && Determiners.Contains(w))) || cues.Verbs.ContainsKey(w))
                {
                    break;
                }

                if (j > from && Determiners.Contains(w))
                {
                    break;
                }

                end = j;
                words++;
            }

            if (end < 0 || (end == from && Determiners.Contains(Lower(from))))
            {
                return null;
            }

            var span = new TextSpan(_tokens[from].Start, _tokens[end].End);
            foreach (var e in _entities)
            {
                if (e.Span.Overlaps(span) && e.Span.End > span.End && e.Span.End <= limit)
                {
                    span = new TextSpan(span.Start, e.Span.End);
                    end = LastTokenEndingAtOrBefore(e.Span.End);
                }
            }

            return new Np(span, from, end);
        }

        /// <summary>True when token <paramref name="i"/> is a cue verb; <paramref name="cueEnd"/> covers "told reporters" and "said in a statement".</summary>
        private bool IsCue(int i, out int cueEnd)
        {
            cueEnd = i;
            if (i < 0 || i >= _tokens.Length || !cues.Verbs.ContainsKey(Lower(i)) || char.IsUpper(_text[_tokens[i].Start]) && i > 0 && !IsSentenceEnd(i - 1) && !IsQuoteMark(i - 1))
            {
                return false;
            }

            var lemma = cues.Verbs[Lower(i)].Lemma;
            if (lemma == "tell" && i + 1 < _tokens.Length && Hearers.Contains(Lower(i + 1)))
            {
                cueEnd = i + 1;
            }
            else if (i + 3 < _tokens.Length && Lower(i + 1) == "in" && Lower(i + 2) == "a" && Lower(i + 3) == "statement")
            {
                cueEnd = i + 3;
            }

            return true;
        }

        /// <summary>
        /// A present or base form other than say/tell ("states", "email", "remarks"): as often a noun as a verb, so it counts as a
        /// cue only after a pronoun or a capitalised name.
        /// </summary>
        private bool NounLike(int i)
        {
            var form = Lower(i);
            return cues.Verbs.TryGetValue(form, out var cue) && cue.Lemma is not ("say" or "tell") && (form == cue.Lemma || form.EndsWith('s'));
        }

        /// <summary>Skips "on Wednesday", "in a statement", "at a press conference", "in an interview" after a cue.</summary>
        private int SkipSetting(int k, int last)
        {
            while (k <= last)
            {
                var w = Lower(k);
                if (Skippable.Contains(w) && w is not ("on" or "last") || w is "," || (w is "on" or "last" && k + 1 <= last && Skippable.Contains(Lower(k + 1))))
                {
                    k++;
                    continue;
                }

                if (w is "in" or "at" && k + 2 <= last && Lower(k + 1) is "a" or "an" or "the")
                {
                    var n = k + 2;
                    while (n <= last && n < k + 6 && Lower(n) is not ("statement" or "interview" or "conference" or "briefing" or "speech" or "release" or "post"))
                    {
                        n++;
                    }

                    if (n <= last && n < k + 6)
                    {
                        k = n + 1;
                        continue;
                    }
                }

                break;
            }

            return k;
        }

        private int SkipHearer(int k, int last)
        {
            for (var n = k; n <= last && n < k + 6; n++)
            {
                if (Lower(n) == "that")
                {
                    return n;
                }
            }

            if (k <= last && Hearers.Contains(Lower(k)))
            {
                return k + 1;
            }

            if (k <= last && Lower(k) is "the" or "a")
            {
                k++;
            }

            var n0 = k;
            while (k <= last && IsWord(k) && (char.IsUpper(_text[_tokens[k].Start]) || k == n0))
            {
                k++;
            }

            return k;
        }

        private bool RestIsSetting(int k, int last) => SkipSetting(k, last) > last || (SkipSetting(k, last) is var s && s <= last && IsSentenceEnd(s) && s == last);

        private int ParagraphEnd(int pos)
        {
            foreach (var p in _paragraphs)
            {
                if (p.Start <= pos && pos < p.End)
                {
                    return p.End;
                }
            }

            return _text.Length;
        }

        private int ParagraphIndex(int pos)
        {
            for (var i = 0; i < _paragraphs.Length; i++)
            {
                if (pos < _paragraphs[i].End)
                {
                    return i;
                }
            }

            return _paragraphs.Length;
        }

        private bool SameParagraph(int tokenIndex, int pos) => ParagraphEnd(_tokens[tokenIndex].Start) == ParagraphEnd(pos);

        private bool OnlyPunctuationBetween(int tokenIndex, int pos)
        {
            for (var i = tokenIndex + 1; i < _tokens.Length && _tokens[i].Start < pos; i++)
            {
                if (IsWord(i))
                {
                    return false;
                }
            }

            return true;
        }

        private int SentenceStartOf(int pos)
        {
            foreach (var s in _sentences)
            {
                if (s.Start <= pos && pos < s.End)
                {
                    return s.Start;
                }
            }

            return 0;
        }

        private int FirstTokenAtOrAfter(int pos)
        {
            int lo = 0, hi = _tokens.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_tokens[mid].Start < pos)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private int LastTokenEndingAtOrBefore(int pos)
        {
            var i = FirstTokenAtOrAfter(pos) - 1;
            while (i >= 0 && _tokens[i].End > pos)
            {
                i--;
            }

            return i;
        }

        private TextSpan Span(int from, int to) => new(_tokens[from].Start, _tokens[to].End);

        private string Lower(int i) => i >= 0 && i < _tokens.Length ? _text.Substring(_tokens[i].Start, _tokens[i].Length).ToLowerInvariant() : string.Empty;

        private bool Is(int i, string s) => i >= 0 && i < _tokens.Length && _text.AsSpan(_tokens[i].Start, _tokens[i].Length).SequenceEqual(s);

        private bool IsWord(int i) => i >= 0 && i < _tokens.Length && char.IsLetterOrDigit(_text[_tokens[i].Start]);

        private bool IsPossessive(int i) => Lower(i) is "'s" or "’s" or "'" or "’";

        private bool IsQuoteMark(int i) => i >= 0 && i < _tokens.Length && _tokens[i].Length is 1 or 2 && (QuotationMarks.IsDouble(_text[_tokens[i].Start])
            || (_text[_tokens[i].Start] == '\'' && ((_tokens[i].Start + 1 < _text.Length && _text[_tokens[i].Start + 1] == '\'') || (_tokens[i].Start > 0 && _text[_tokens[i].Start - 1] == '\''))));

        private bool IsCloseQuoteOnly(int i) => IsQuoteMark(i) || Is(i, ")");

        private bool IsSentenceEnd(int i) => Is(i, ".") || Is(i, "!") || Is(i, "?") || Is(i, ";") || Is(i, "…");

        private bool ContainsMark(TextSpan c)
        {
            foreach (var ch in _text.AsSpan(c.Start, c.Length))
            {
                if (QuotationMarks.IsDouble(ch))
                {
                    return true;
                }
            }

            return false;
        }

        private int Words(TextSpan c)
        {
            var n = 0;
            var inWord = false;
            foreach (var ch in _text.AsSpan(c.Start, c.Length))
            {
                var w = char.IsLetterOrDigit(ch);
                if (w && !inWord)
                {
                    n++;
                }

                inWord = w;
            }

            return n;
        }
    }

    private readonly record struct Np(TextSpan Span, int StartToken, int EndToken);

    private sealed record Found(TextSpan Content, bool Direct, TextSpan? Cue, TextSpan? Speaker, string? Actor, int? AttributionEnd);
}
