namespace Dateline.Storage.Search;

/// <summary>Recursive-descent parser for <see cref="SearchQuery"/>: or := and (OR and)*; and := unary (AND? unary)*.</summary>
internal sealed class QueryParser(string text)
{
    private const int MaxDepth = 32;
    private int _pos;
    private int _depth;

    public QueryNode ParseAll()
    {
        SkipSpace();
        if (_pos >= text.Length)
        {
            throw new QuerySyntaxException("the query is empty", 0);
        }

        var node = ParseOr();
        SkipSpace();
        if (_pos < text.Length)
        {
            throw new QuerySyntaxException(text[_pos] == ')' ? "unbalanced ')'" : $"unexpected '{text[_pos]}'", _pos);
        }

        return node;
    }

    private QueryNode ParseOr()
    {
        var items = new List<QueryNode> { ParseAnd() };
        while (TryKeyword("OR"))
        {
            items.Add(ParseAnd());
        }

        return items.Count == 1 ? items[0] : new OrNode(items);
    }

    private QueryNode ParseAnd()
    {
        var items = new List<QueryNode> { ParseUnary() };
        while (true)
        {
            SkipSpace();
            if (_pos >= text.Length || text[_pos] == ')' || PeekKeyword("OR"))
            {
                break;
            }

            TryKeyword("AND");
            items.Add(ParseUnary());
        }

        return items.Count == 1 ? items[0] : new AndNode(items);
    }

    private QueryNode ParseUnary()
    {
        SkipSpace();
        var negated = TryKeyword("NOT");
        if (!negated && _pos < text.Length && text[_pos] == '-' && _pos + 1 < text.Length && !char.IsWhiteSpace(text[_pos + 1]))
        {
            _pos++;
            negated = true;
        }

        if (negated)
        {
            var inner = ParseUnary();
            return inner is NotNode twice ? twice.Item : new NotNode(inner);
        }

        return ParsePrimary();
    }

    private QueryNode ParsePrimary()
    {
        SkipSpace();
        if (_pos >= text.Length)
        {
            throw new QuerySyntaxException("a word, phrase or '(' is missing at the end", _pos);
        }

        if (text[_pos] == '(')
        {
            var open = _pos++;
            if (++_depth > MaxDepth)
            {
                throw new QuerySyntaxException($"parentheses nest deeper than {MaxDepth}", open);
            }

            var inner = ParseOr();
            SkipSpace();
            if (_pos >= text.Length || text[_pos] != ')')
            {
                throw new QuerySyntaxException("'(' is never closed", open);
            }

            _pos++;
            _depth--;
            return inner;
        }

        string? field = null;
        foreach (var f in SearchQuery.Fields)
        {
            if (string.Compare(text, _pos, f + ":", 0, f.Length + 1, StringComparison.OrdinalIgnoreCase) == 0)
            {
                field = f;
                _pos += f.Length + 1;
                break;
            }
        }

        if (_pos < text.Length && text[_pos] is '"' or '“' or '”')
        {
            var open = _pos++;
            var end = text.IndexOfAny(['"', '“', '”'], _pos);
            if (end < 0)
            {
                throw new QuerySyntaxException("a phrase's closing quote is missing", open);
            }

            var phrase = string.Join(' ', text[_pos..end].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            _pos = end + 1;
            return phrase.Length == 0 ? throw new QuerySyntaxException("the phrase is empty", open) : new PhraseNode(phrase, field);
        }

        var start = _pos;
        while (_pos < text.Length && !char.IsWhiteSpace(text[_pos]) && text[_pos] is not '(' and not ')' and not '"')
        {
            _pos++;
        }

        var word = text[start.._pos];
        var prefix = word.EndsWith('*');
        word = word.TrimEnd('*');
        if (word.Length == 0)
        {
            throw new QuerySyntaxException(start < text.Length ? $"unexpected '{text[start]}'" : "a word is missing", start);
        }

        return new TermNode(word, prefix, field);
    }

    private bool PeekKeyword(string keyword)
    {
        SkipSpace();
        var end = _pos + keyword.Length;
        return string.CompareOrdinal(text, _pos, keyword, 0, keyword.Length) == 0
               && (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] == '(' || text[end] == '"');
    }

    private bool TryKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        _pos += keyword.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
        {
            _pos++;
        }
    }
}
