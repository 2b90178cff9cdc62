using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Services;

internal static class TestRequests
{
    public static ServiceRequest Get(string url) => new("GET", new Uri(url));

    public static ServiceRequest Post(string url) => new("POST", new Uri(url));
}
