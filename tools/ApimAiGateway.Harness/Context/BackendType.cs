namespace ApimAiGateway.Harness.Context;

public enum BackendType
{
    Single,
    Pool,
}
