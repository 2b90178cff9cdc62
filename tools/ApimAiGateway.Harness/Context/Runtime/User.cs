namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record User : IUser
{
    public string Email { get; init; } = "";

    public string FirstName { get; init; } = "";

    public IEnumerable<IGroup> Groups { get; init; } = [];

    public string Id { get; init; } = "";

    public IEnumerable<IUserIdentity> Identities { get; init; } = [];

    public string LastName { get; init; } = "";

    public string Note { get; init; } = "";

    public DateTime RegistrationDate { get; init; }
}
