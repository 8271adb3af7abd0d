import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";

import { session } from "../../../shared/api/session";
import { SignInScreen } from "./SignInScreen";

function renderSignIn() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={["/signin?next=/w/acme"]}>
        <Routes>
          <Route path="/signin" element={<SignInScreen />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("SignInScreen", () => {
  afterEach(() => {
    cleanup();
    session.expire("");
  });

  it("renders the sign-in form with a sign-up link that keeps next", () => {
    session.expire("");
    renderSignIn();
    expect(screen.getByLabelText("Email")).toBeTruthy();
    expect(screen.getByLabelText("Password")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
    const signUp = screen.getByRole("link", { name: "Create one" });
    expect(signUp.getAttribute("href")).toBe("/signup?next=%2Fw%2Facme");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("shows why the session ended", () => {
    renderSignIn();
    act(() => session.expire("Your session has ended. Please sign in again."));
    expect(screen.getByText("Your session has ended. Please sign in again.")).toBeTruthy();
  });
});
