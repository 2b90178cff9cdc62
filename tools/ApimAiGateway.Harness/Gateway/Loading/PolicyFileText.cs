using System.Text;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>Reads a policy file's text as the policy reader would, reporting unreadable or undecodable files.</summary>
internal static class PolicyFileText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string path, DiagnosticBag diagnostics)
    {
        try
        {
            using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            // The policy reader words these failures (and locates a bad byte) exactly as lint does.
            diagnostics.AddRange(new PolicyReader().ReadFile(path).Diagnostics);
            return null;
        }
    }
}
