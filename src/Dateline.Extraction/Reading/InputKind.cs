namespace Dateline.Extraction.Reading;

/// <summary>What an input's first bytes say it is (extensions are only a hint).</summary>
public enum InputKind
{
    Empty,
    Binary,
    TextDump,
    Html,
    JsonLines,
    /// <summary>One JSON document: an object (one record) or an array of records.</summary>
    Json,
    PlainText,
    Feed,
    Warc,

    /// <summary>Reuters-21578 SGML (the Lewis DTD): many wire stories per file.</summary>
    ReutersSgml,
    Gzip,
}
