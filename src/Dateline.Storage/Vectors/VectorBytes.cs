using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Dateline.Storage.Vectors;

/// <summary>The stored form of a vector: its floats as IEEE 754 single precision, little-endian (4 bytes each).</summary>
internal static class VectorBytes
{
    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(vector.AsSpan()).CopyTo(bytes);
        }
        else
        {
            for (var i = 0; i < vector.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
            }
        }

        return bytes;
    }

    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var vector = new float[Dimensions(bytes)];
        Decode(bytes, vector);
        return vector;
    }

    /// <summary>How many floats the stored bytes hold.</summary>
    public static int Dimensions(ReadOnlySpan<byte> bytes) => bytes.Length % sizeof(float) == 0
        ? bytes.Length / sizeof(float)
        : throw new StoreException($"a stored vector has {bytes.Length} bytes, not a whole number of floats");

    /// <summary>Decodes the stored bytes into <paramref name="vector"/> (of <see cref="Dimensions"/> floats).</summary>
    public static void Decode(ReadOnlySpan<byte> bytes, Span<float> vector)
    {
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(vector));
            return;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }
    }
}
