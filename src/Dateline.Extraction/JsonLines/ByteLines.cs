namespace Dateline.Extraction.JsonLines;

/// <summary>Splits a stream into lines with their byte offsets, without holding more than one line in memory.</summary>
internal static class ByteLines
{
    public sealed record Line(long Number, long Offset, byte[] Bytes, bool TooLong);

    public static IEnumerable<Line> Read(Stream stream, int maxLineBytes)
    {
        var buffer = new byte[1 << 16];
        var current = new MemoryStream();
        long offset = 0, lineStart = 0, number = 1;
        var tooLong = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                Append(current, buffer.AsSpan(start, i - start), maxLineBytes, ref tooLong);
                yield return Take(number++, lineStart, current, ref tooLong);
                lineStart = offset + i + 1;
                start = i + 1;
            }

            Append(current, buffer.AsSpan(start, read - start), maxLineBytes, ref tooLong);
            offset += read;
        }

        if (current.Length > 0 || tooLong)
        {
            yield return Take(number, lineStart, current, ref tooLong);
        }
    }

    private static void Append(MemoryStream current, ReadOnlySpan<byte> bytes, int max, ref bool tooLong)
    {
        if (tooLong || current.Length + bytes.Length > max)
        {
            tooLong = true;
            current.SetLength(0);
            return;
        }

        current.Write(bytes);
    }

    private static Line Take(long number, long offset, MemoryStream current, ref bool tooLong)
    {
        var line = new Line(number, offset, tooLong ? [] : current.ToArray(), tooLong);
        current.SetLength(0);
        tooLong = false;
        return line;
    }
}
