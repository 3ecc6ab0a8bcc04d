using System.Text;

namespace Dateline.Extraction.Html.Dom;

/// <summary>
/// An element of Dateline's light DOM: a tag name, its attributes, and its children (elements and text) in order.
/// Built by <see cref="LightHtmlParser"/> for extraction only: no scripting, no CSS, no live collections.
/// </summary>
public sealed class HtmlElement : HtmlNode
{
    private List<KeyValuePair<string, string>>? _attributes;

    internal HtmlElement(string name) => LocalName = name;

    /// <summary>Lower-case tag name ("#document" for the root).</summary>
    public string LocalName { get; }

    public List<HtmlNode> ChildNodes { get; } = [];

    public IEnumerable<HtmlElement> Children => ChildNodes.OfType<HtmlElement>();

    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes ?? (IReadOnlyList<KeyValuePair<string, string>>)[];

    public string? GetAttribute(string name)
    {
        if (_attributes is null)
        {
            return null;
        }

        foreach (var (k, v) in _attributes)
        {
            if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }

    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    public string? Id => GetAttribute("id");

    internal void AddAttribute(string name, string value)
    {
        _attributes ??= new List<KeyValuePair<string, string>>(2);
        if (GetAttribute(name) is null)
        {
            _attributes.Add(new(name, value));
        }
    }

    internal void Append(HtmlNode child)
    {
        child.Parent = this;
        ChildNodes.Add(child);
    }

    /// <summary>True when <paramref name="other"/> is this element or one of its descendants (walks up from it).</summary>
    public bool Contains(HtmlElement? other)
    {
        for (var e = other; e is not null; e = e.Parent)
        {
            if (ReferenceEquals(e, this))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Descendant elements in document order (iterative; safe on very deep trees).</summary>
    public IEnumerable<HtmlElement> Descendants()
    {
        var stack = new Stack<HtmlElement>();
        for (var i = ChildNodes.Count - 1; i >= 0; i--)
        {
            if (ChildNodes[i] is HtmlElement c)
            {
                stack.Push(c);
            }
        }

        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            for (var i = e.ChildNodes.Count - 1; i >= 0; i--)
            {
                if (e.ChildNodes[i] is HtmlElement c)
                {
                    stack.Push(c);
                }
            }
        }
    }

    public IEnumerable<HtmlElement> Descendants(string name) => Descendants().Where(e => e.LocalName == name);

    public HtmlElement? FirstDescendant(string name) => Descendants().FirstOrDefault(e => e.LocalName == name);

    /// <summary>All text below this element, concatenated (iterative).</summary>
    public string TextContent
    {
        get
        {
            var sb = new StringBuilder();
            var stack = new Stack<HtmlNode>();
            stack.Push(this);
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case HtmlText t:
                        sb.Append(t.Data);
                        break;
                    case HtmlElement e:
                        for (var i = e.ChildNodes.Count - 1; i >= 0; i--)
                        {
                            stack.Push(e.ChildNodes[i]);
                        }

                        break;
                }
            }

            return sb.ToString();
        }
    }

    public override string ToString() => $"<{LocalName}{(Id is { } id ? " id=" + id : string.Empty)}>";
}
