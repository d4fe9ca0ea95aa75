({x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{{x for{
