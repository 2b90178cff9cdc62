using System.Security.Cryptography;
using System.Text;

namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>
/// Hashes that are the same in every process and on every machine (string.GetHashCode is randomised per process),
/// so simulated answers, ids and embeddings can be pinned in tests.
/// </summary>
internal static class StableHash
{
    public static byte[] Bytes(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    public static string Hex(string text, int length) => Convert.ToHexString(Bytes(text))[..length].ToLowerInvariant();

    public static Guid Guid(string text) => new(Bytes(text).AsSpan(0, 16));

    public static ulong UInt64(string text) => BitConverter.ToUInt64(Bytes(text), 0);
}
