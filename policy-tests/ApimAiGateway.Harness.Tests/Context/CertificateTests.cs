using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ApimAiGateway.Harness.Context;

namespace ApimAiGateway.Harness.Tests.Context;

public sealed class CertificateTests
{
    [Fact]
    public void A_self_signed_certificate_does_not_chain_to_a_trusted_root()
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest("CN=self-signed.test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.False(certificate.VerifyNoRevocation());
    }
}
