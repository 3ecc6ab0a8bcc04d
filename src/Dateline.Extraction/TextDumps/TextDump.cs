using System.Collections.Immutable;
using Dateline.Core.Articles;

namespace Dateline.Extraction.TextDumps;

/// <summary>The structure recovered from one crawler text dump, before identity is assigned.</summary>
internal sealed record TextDump(
    DateOnly? Date,
    string? Source,
    string? Title,
    string? Section,
    string? Dateline,
    string? Wire,
    int? CommentCount,
    ImmutableArray<ArticleImage> Images,
    ImmutableArray<string> Paragraphs,
    ImmutableArray<string> Warnings);
