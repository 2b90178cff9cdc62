using System.Security.Cryptography.X509Certificates;

namespace ApimAiGateway.Harness.Context;

/// <summary>Certificate helpers ("API Management policy expressions", VerifyNoRevocation).</summary>
public static class X509Certificate2Extensions
{
    /// <summary>Builds the certificate's chain against the machine's trust store without checking revocation.</summary>
    public static bool VerifyNoRevocation(this X509Certificate2 input)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(input);
    }
}
