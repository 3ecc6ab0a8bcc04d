namespace Dateline.Extraction.Warc;

/// <summary>A record's payload cannot be used (unsupported coding, over the size cap); the record is reported, the file goes on.</summary>
internal sealed class PayloadException(string reason) : Exception(reason);
