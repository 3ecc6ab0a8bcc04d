using System.Runtime.CompilerServices;

namespace Dateline.Nlp.Syntax;

/// <summary>
/// Stable 64-bit hashing of feature values (FNV-1a over UTF-16 code units, then a mixer), so a feature is a number
/// built without strings and the same on every machine and run (string.GetHashCode is randomised per process).
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text)
        {
            h = (h ^ c) * Prime;
        }

        return Mix(h);
    }

    public static ulong Of(string text) => Of(text.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>A feature: its template number and one to three values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a) => Mix(((ulong)template * 0x9E3779B97F4A7C15UL) ^ a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b) => Mix(F(template, a) ^ (b * 0xC2B2AE3D27D4EB4FUL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c) => Mix(F(template, a, b) ^ (c * 0x165667B19E3779F9UL));
}
