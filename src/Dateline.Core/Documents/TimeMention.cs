namespace Dateline.Core.Documents;

/// <summary>
/// A temporal expression and its normalised value: an ISO 8601 date ("2025-06-04"), month ("2025-06"), year ("2023"),
/// or interval ("1910/1945"); <see cref="Kind"/> says which ("date", "month", "year", "interval", "duration", "time").
/// </summary>
public sealed record TimeMention(TextSpan Span, string Value, string Kind);
