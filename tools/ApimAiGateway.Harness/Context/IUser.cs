namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.User</c>: the owner of the subscription.</summary>
public interface IUser
{
    string Email { get; }

    string FirstName { get; }

    IEnumerable<IGroup> Groups { get; }

    string Id { get; }

    IEnumerable<IUserIdentity> Identities { get; }

    string LastName { get; }

    string Note { get; }

    DateTime RegistrationDate { get; }
}
