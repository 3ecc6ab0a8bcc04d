namespace Dateline.Storage;

/// <summary>How many articles fall on one publication date (null: articles without a date).</summary>
public sealed record DateCount(DateOnly? Date, long Articles);
