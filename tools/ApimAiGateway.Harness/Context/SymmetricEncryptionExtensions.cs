using System.Security.Cryptography;

namespace ApimAiGateway.Harness.Context;

/// <summary>
/// <c>Encrypt</c>/<c>Decrypt</c> on byte arrays ("API Management policy expressions", three overloads each).
/// The algorithm's own mode and padding apply (CBC with PKCS7 by default).
/// </summary>
public static class SymmetricEncryptionExtensions
{
    /// <summary>Encrypts with the algorithm named <paramref name="alg"/>, e.g. <c>"Aes"</c> or <c>"TripleDES"</c>.</summary>
    public static byte[] Encrypt(this byte[] input, string alg, byte[] key, byte[] iv)
    {
        using var algorithm = Create(alg);
        return Encrypt(input, algorithm, key, iv);
    }

    /// <summary>Encrypts with the algorithm instance's own key and IV.</summary>
    public static byte[] Encrypt(this byte[] input, SymmetricAlgorithm alg) =>
        Transform(input, alg.CreateEncryptor());

    public static byte[] Encrypt(this byte[] input, SymmetricAlgorithm alg, byte[] key, byte[] iv) =>
        Transform(input, alg.CreateEncryptor(key, iv));

    /// <summary>Decrypts with the algorithm named <paramref name="alg"/>, e.g. <c>"Aes"</c> or <c>"TripleDES"</c>.</summary>
    public static byte[] Decrypt(this byte[] input, string alg, byte[] key, byte[] iv)
    {
        using var algorithm = Create(alg);
        return Decrypt(input, algorithm, key, iv);
    }

    /// <summary>Decrypts with the algorithm instance's own key and IV.</summary>
    public static byte[] Decrypt(this byte[] input, SymmetricAlgorithm alg) =>
        Transform(input, alg.CreateDecryptor());

    public static byte[] Decrypt(this byte[] input, SymmetricAlgorithm alg, byte[] key, byte[] iv) =>
        Transform(input, alg.CreateDecryptor(key, iv));

    // Names resolve through CryptoConfig, the table .NET Framework's SymmetricAlgorithm.Create(name) used, so the
    // names APIM accepted there ("Aes", "AES", "TripleDES", "3DES", ...) resolve the same way here.
    private static SymmetricAlgorithm Create(string alg)
    {
        var created = CryptoConfig.CreateFromName(alg);
        if (created is SymmetricAlgorithm algorithm)
        {
            return algorithm;
        }

        (created as IDisposable)?.Dispose();
        throw new ArgumentException($"'{alg}' is not the name of a symmetric algorithm.", nameof(alg));
    }

    private static byte[] Transform(byte[] input, ICryptoTransform transform)
    {
        using (transform)
        {
            return transform.TransformFinalBlock(input, 0, input.Length);
        }
    }
}
