namespace Dateline.Extraction.Reading;

/// <summary>An input as the readers see it: a display path, its length, and a way to open it.</summary>
public sealed class InputFile(string path, long length, Func<Stream> open)
{
    public string Path { get; } = path;

    public long Length { get; } = length;

    public Stream Open() => open();

    public static InputFile FromFile(string path)
    {
        var info = new FileInfo(path);
        return new InputFile(path, info.Length, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
    }

    public static InputFile FromBytes(string path, byte[] bytes) => new(path, bytes.Length, () => new MemoryStream(bytes, writable: false));

    /// <summary>Reads the whole input, refusing inputs above <paramref name="max"/> bytes.</summary>
    public byte[] ReadAll(long max)
    {
        if (Length > max)
        {
            throw new InputTooLargeException(Length, max);
        }

        using var s = Open();
        using var ms = new MemoryStream((int)Math.Max(0, Length));
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
