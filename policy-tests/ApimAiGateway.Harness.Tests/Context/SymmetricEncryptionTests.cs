using System.Security.Cryptography;
using System.Text;
using ApimAiGateway.Harness.Context;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>Encrypt/Decrypt, three overloads each ("API Management policy expressions").</summary>
public sealed class SymmetricEncryptionTests
{
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes("the secret payload");
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] Iv = [.. Enumerable.Range(100, 16).Select(i => (byte)i)];

    [Theory]
    [InlineData("Aes")]
    [InlineData("AES")]
    public void Named_algorithm_round_trips(string name)
    {
        var cipher = Plain.Encrypt(name, Key, Iv);

        Assert.NotEqual(Plain, cipher);
        Assert.Equal(Plain, cipher.Decrypt(name, Key, Iv));
    }

    [Fact]
    public void Named_algorithm_is_aes_cbc_with_pkcs7_padding()
    {
        using var aes = Aes.Create();
        aes.Key = Key;

        Assert.Equal(aes.EncryptCbc(Plain, Iv, PaddingMode.PKCS7), Plain.Encrypt("Aes", Key, Iv));
    }

    [Fact]
    public void Instance_overloads_use_its_key_and_iv_or_the_given_ones()
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        aes.IV = Iv;
        using var other = Aes.Create();

        var cipher = Plain.Encrypt(aes);

        Assert.Equal(Plain.Encrypt("Aes", Key, Iv), cipher);
        Assert.Equal(Plain, cipher.Decrypt(aes));
        Assert.Equal(Plain, cipher.Decrypt(other, Key, Iv));
        Assert.Equal(cipher, Plain.Encrypt(other, Key, Iv));
    }

    [Fact]
    public void Triple_des_is_available_by_name()
    {
        byte[] key = [.. Key.Take(24)];
        byte[] iv = [.. Iv.Take(8)];

        Assert.Equal(Plain, Plain.Encrypt("TripleDES", key, iv).Decrypt("TripleDES", key, iv));
    }

    [Fact]
    public void An_unknown_algorithm_name_fails_the_expression()
    {
        Assert.Throws<ArgumentException>(() => Plain.Encrypt("NoSuchCipher", Key, Iv));
        Assert.Throws<ArgumentException>(() => Plain.Encrypt("SHA256", Key, Iv));
    }
}
