using System.Security.Cryptography;
using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;

namespace Dateline.Storage;

/// <summary>Content fingerprint used to tell "same article again" from "the article changed".</summary>
public static class ArticleHashing
{
    /// <summary>
    /// Hash of the article without where it was read from and without reader warnings: SHA-256 of its compact JSON in
    /// UTF-8. The JSON is streamed into the hash, so a 30 MB article costs no 30 MB buffer (the serializer's pooled
    /// buffers would otherwise keep several of them alive after the article is gone).
    /// </summary>
    public static string ContentHash(Article article)
    {
        using var hash = new HashingStream();
        JsonSerializer.Serialize(hash, article with { Origin = new ArticleOrigin(string.Empty), Warnings = [] }, DatelineJson.Compact);
        return Convert.ToHexStringLower(hash.Finish());
    }

    /// <summary>A write-only stream that feeds what is written to it into SHA-256.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public byte[] Finish() => _hash.GetHashAndReset();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
