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
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new StoreException($"a stored vector has {bytes.Length} bytes, not a whole number of floats");
        }

        var vector = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(vector.AsSpan()));
        }
        else
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
            }
        }

        return vector;
    }
}
