namespace ApimAiGateway.Harness.Context;

public interface IUserIdentity
{
    string Id { get; }

    string Provider { get; }
}
