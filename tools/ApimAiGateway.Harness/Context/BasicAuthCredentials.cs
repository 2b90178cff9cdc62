namespace ApimAiGateway.Harness.Context;

/// <summary>
/// Credentials of an HTTP Basic <c>Authorization</c> header. The first member is <c>UserId</c> as in the docs
/// ("API Management policy expressions"); Microsoft's policy toolkit calls it <c>Username</c>.
/// </summary>
public sealed class BasicAuthCredentials(string userId, string password)
{
    public string UserId { get; } = userId;

    public string Password { get; } = password;
}
