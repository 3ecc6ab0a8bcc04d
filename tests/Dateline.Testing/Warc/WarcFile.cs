namespace Dateline.Testing.Warc;

/// <summary>A written WARC: its bytes and where each record starts (file offsets; for a whole-file gzip, offsets in
/// the decompressed stream, as the reader reports them).</summary>
public sealed record WarcFile(byte[] Bytes, IReadOnlyList<long> RecordOffsets);
